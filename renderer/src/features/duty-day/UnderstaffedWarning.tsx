/** The "fewer than three deputies" warning: informs, never blocks. */
import { MIN_DEPUTIES_PER_DUTY_DAY } from '../../../../shared/domain/enums';

export function UnderstaffedWarning({ count }: { count: number }) {
  return (
    <p className="warning duty-understaffed" role="status">
      在岗代表只有 {count} 位，少于规定的 {MIN_DEPUTIES_PER_DUTY_DAY} 位。可以照常接待，建议再请几位代表到岗。
    </p>
  );
}
