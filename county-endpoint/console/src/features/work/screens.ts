/** The clerk's and departments' work screens (待认领/交办, 督办, answers, 公示/销号, calendar). */
import type { ConsoleScreen } from '../../screens';

export const workScreens: ConsoleScreen[] = [];
