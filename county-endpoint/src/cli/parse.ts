/** Turns the clerk's command line into a Command, with usage help in Chinese. */
import { parseArgs } from 'node:util';
import type { Command } from '../store/commands.js';

export const USAGE = `用法: npm run cli --prefix county-endpoint -- <命令> [参数]

  enroll-station --id <联络站编号> --name <联络站名称>   登记联络站并发放令牌(令牌只显示一次)
  rotate-token --id <联络站编号>                         重新发放令牌,旧令牌立即作废
  list-stations                                          列出已登记的联络站
  list-issues [--station <联络站编号>]                   列出收到的问题
  assign <问题编号> --department <承办单位> [--days 7]   交办,办理期限为县里日历上的工作日(承办单位不存在时新建)
  respond <问题编号> --text <答复内容>                   录入承办单位的答复
  publish <问题编号>                                     公示
  close <问题编号> [--note <备注>]                       销号
  reopen <问题编号> [--note <备注>]                      重新督办
  create-user --username <用户名> --name <姓名> --role <admin|clerk|department> [--department <承办单位名称>]
                                                         新建控制台用户,初始密码只显示一次,首次登录须修改`;

export class UsageError extends Error {}

export function parseCommand(argv: string[]): Command {
  const [name, ...rest] = argv;
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    strict: true,
    options: {
      id: { type: 'string' },
      name: { type: 'string' },
      station: { type: 'string' },
      department: { type: 'string' },
      username: { type: 'string' },
      role: { type: 'string' },
      days: { type: 'string' },
      text: { type: 'string' },
      note: { type: 'string' },
    },
  });
  const need = (v: string | undefined, what: string): string => {
    if (v === undefined || v.trim() === '') throw new UsageError(`缺少${what}。`);
    return v;
  };
  const issueId = () => need(positionals[0], '问题编号');
  switch (name) {
    case 'enroll-station':
      return { name, stationId: need(values.id, ' --id 联络站编号'), stationName: need(values.name, ' --name 联络站名称') };
    case 'rotate-token':
      return { name, stationId: need(values.id, ' --id 联络站编号') };
    case 'list-stations':
      return { name };
    case 'list-issues':
      return { name, stationId: values.station ?? null };
    case 'assign': {
      const days = values.days === undefined ? 7 : Number(values.days);
      if (!Number.isInteger(days)) throw new UsageError('--days 应为整数天数。');
      return { name, issueId: issueId(), department: need(values.department, ' --department 承办单位'), days };
    }
    case 'respond':
      return { name, issueId: issueId(), text: need(values.text, ' --text 答复内容') };
    case 'publish':
      return { name, issueId: issueId() };
    case 'close':
    case 'reopen':
      return { name, issueId: issueId(), ...(values.note ? { note: values.note } : {}) };
    case 'create-user': {
      const role = need(values.role, ' --role 角色(admin / clerk / department)');
      if (role === 'department' && !values.department) throw new UsageError('承办单位用户须给出 --department 承办单位名称。');
      return { name, username: need(values.username, ' --username 用户名'), displayName: need(values.name, ' --name 姓名'), role, department: role === 'department' ? (values.department ?? null) : null };
    }
    default:
      throw new UsageError(name ? `不认识的命令: ${name}` : '请给出命令。');
  }
}
