/** Chinese output of each command's result. */
import type { CommandResult } from '../store/commands.js';
import { STATUS_LABELS } from '../store/clerk.js';

const HANDLING: Record<string, string> = { onSpot: '当场答复办结', stationFollowUp: '联络站协调', referToCounty: '提请交办' };
const RATING: Record<string, string> = { satisfied: '满意', basicallySatisfied: '基本满意', unsatisfied: '不满意' };

/** Dates shown to the clerk in China Standard Time, whatever the server's zone. */
export function formatTime(iso: string): string {
  const d = new Date(new Date(iso).getTime() + 8 * 3600_000);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}`;
}

const ROLE_LABELS: Record<string, string> = { admin: '管理员', clerk: '选联工委', department: '承办单位' };

export function formatResult(r: CommandResult): string {
  switch (r.name) {
    case 'create-user':
      return [
        `已创建用户: ${r.username}(${r.displayName},${ROLE_LABELS[r.role] ?? r.role}${r.departmentName ? `,${r.departmentName}` : ''})`,
        '',
        `初始密码: ${r.password}`,
        '',
        '初始密码只显示这一次;用户首次登录控制台时须修改密码。',
      ].join('\n');
    case 'enroll-station':
    case 'rotate-token':
      return [
        r.name === 'enroll-station' ? `已登记联络站: ${r.stationName}(编号 ${r.stationId})` : `已为 ${r.stationName}(编号 ${r.stationId})重新发放令牌,旧令牌已作废。`,
        '',
        `令牌: ${r.token}`,
        '',
        '请把令牌交给联络站,在接待台"设置"中填写。令牌只显示这一次,县里不保存原文。',
      ].join('\n');
    case 'list-stations':
      if (r.stations.length === 0) return '还没有登记联络站。';
      return r.stations.map((s) => `${s.id}  ${s.name}  登记于 ${formatTime(s.createdAt)}`).join('\n');
    case 'list-issues':
      if (r.issues.length === 0) return '没有收到问题。';
      return r.issues
        .map((i) =>
          [
            `${i.id}  〔${i.listYear}〕第${i.listSeq}号 第${i.seq}项  ${i.countyRef}  ${i.stationName}`,
            `    [${i.category}] ${i.summary}`,
            `    办理方式: ${HANDLING[i.handling] ?? i.handling}  建议承办: ${i.suggestedDepartment || '—'}  状态: ${STATUS_LABELS[i.status]}` +
              (i.department ? `  承办单位: ${i.department}` : '') +
              (i.deadline ? `  期限: ${formatTime(i.deadline)}` : '') +
              (i.satisfaction ? `  满意度: ${RATING[i.satisfaction] ?? i.satisfaction}` : ''),
          ].join('\n'),
        )
        .join('\n');
    case 'assign':
      return `已交办问题 ${r.result.issueId} 给 ${r.result.department ?? ''},办理期限 ${r.result.deadline ? formatTime(r.result.deadline) : ''}(更新序号 ${r.result.seq})。`;
    case 'respond':
      return `已录入问题 ${r.result.issueId} 的答复(更新序号 ${r.result.seq})。`;
    case 'publish':
      return `问题 ${r.result.issueId} 已公示(更新序号 ${r.result.seq})。`;
    case 'close':
      return `问题 ${r.result.issueId} 已销号(更新序号 ${r.result.seq})。`;
    case 'reopen':
      return `问题 ${r.result.issueId} 已重新督办(更新序号 ${r.result.seq})。`;
  }
}
