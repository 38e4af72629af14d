/**
 * The deputies roster: add, edit, reorder (the order of the duty-day tick list and of
 * printed names), deactivate and reactivate. A deactivated deputy is no longer offered
 * when a duty day is opened, but stays on every old record.
 */
import { useState } from 'react';
import type { Deputy } from '../../../../shared/domain/schemas';
import { getDb, stationRepo, useLiveQuery } from '../../db';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { DeputyEditor } from './DeputyEditor';

export function DeputyRoster() {
  const roster = useLiveQuery(() => stationRepo.listDeputies(getDb(), true), []);
  const [editing, setEditing] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function change(work: () => Promise<void>) {
    setError(null);
    try {
      await work();
    } catch (e) {
      console.error('Changing a deputy failed', e);
      setError(e);
    }
  }
  const setActive = (d: Deputy, active: boolean) => change(() => stationRepo.updateDeputy(getDb(), d.id, { active }));
  const move = (d: Deputy, direction: 'up' | 'down') => change(() => stationRepo.moveDeputy(getDb(), d.id, direction));

  return (
    <section className="panel settings-section" aria-labelledby="settings-roster">
      <h2 id="settings-roster">驻站代表名单</h2>
      <p className="muted">停用的代表不再出现在“开始接待日”的勾选名单里，以前的接待记录仍保留其姓名。</p>
      {error ? <ErrorNotice message="保存失败，请再试一次。" error={error} /> : null}
      {!roster ? (
        <p role="status">正在读取…</p>
      ) : (
        <table className="settings-table">
          <thead>
            <tr>
              <th scope="col">姓名</th>
              <th scope="col">层级</th>
              <th scope="col">工作单位</th>
              <th scope="col">站内职务</th>
              <th scope="col">状态</th>
              <th scope="col">操作</th>
            </tr>
          </thead>
          <tbody>
            {roster.map((d, i) =>
              editing === d.id ? (
                <tr key={d.id}>
                  <td colSpan={6}>
                    <DeputyEditor deputy={d} onDone={() => setEditing(null)} />
                  </td>
                </tr>
              ) : (
                <tr key={d.id} className={d.active ? undefined : 'inactive'}>
                  <th scope="row">{d.name}</th>
                  <td>{d.level}人大代表</td>
                  <td>{d.unit || '—'}</td>
                  <td>{d.role || '—'}</td>
                  <td>{d.active ? '在册' : '已停用'}</td>
                  <td className="settings-row-actions">
                    <button type="button" onClick={() => void move(d, 'up')} disabled={i === 0} aria-label={`上移 ${d.name}`} title="上移">
                      ↑
                    </button>
                    <button type="button" onClick={() => void move(d, 'down')} disabled={i === roster.length - 1} aria-label={`下移 ${d.name}`} title="下移">
                      ↓
                    </button>
                    <button type="button" onClick={() => setEditing(d.id)} aria-label={`修改 ${d.name}`}>
                      修改
                    </button>
                    {d.active ? (
                      <button type="button" onClick={() => void setActive(d, false)} aria-label={`停用 ${d.name}`}>
                        停用
                      </button>
                    ) : (
                      <button type="button" onClick={() => void setActive(d, true)} aria-label={`恢复 ${d.name}`}>
                        恢复
                      </button>
                    )}
                  </td>
                </tr>
              ),
            )}
          </tbody>
        </table>
      )}
      {adding ? (
        <DeputyEditor deputy={null} onDone={() => setAdding(false)} />
      ) : (
        <button type="button" className="settings-add" onClick={() => setAdding(true)}>
          ＋ 添加代表
        </button>
      )}
    </section>
  );
}
