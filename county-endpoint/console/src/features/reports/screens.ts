/** Report screens and 重点督办问题. */
import type { ConsoleScreen } from '../../screens';

export const reportScreens: ConsoleScreen[] = [];
