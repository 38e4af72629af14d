export function ReceptionScreen({ receptionId }: { receptionId: string | null }) {
  return <h1>{receptionId ? '修改接待记录' : '登记来访'}</h1>;
}
