/** A receipt with a rejection reason this station does not know is still read: not stored, set aside. */
import { expect, it } from 'vitest';
import { pushResponseSchema } from '../../../shared/protocol/index';

it('reads an unknown rejection reason as invalidItem and keeps the county message', () => {
  const parsed = pushResponseSchema.parse({
    protocolVersion: 1,
    receipts: [
      { status: 'rejected', id: 'list-0001', reason: 'someFutureReason', message: '县里的说明', detail: 'x' },
      { status: 'rejected', id: 'list-0002', reason: 'storeFailed', message: '县里的系统保存这份清单时出错,清单没有保存。', detail: 'y' },
    ],
  });
  expect(parsed.receipts[0]).toMatchObject({ status: 'rejected', reason: 'invalidItem', message: '县里的说明' });
  expect(parsed.receipts[1]).toMatchObject({ reason: 'storeFailed' });
});
