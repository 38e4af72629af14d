export function PrintScreen({ form, ids }: { form: string; ids: string[] }) {
  return (
    <h1>
      打印预览 {form} {ids.length}
    </h1>
  );
}
