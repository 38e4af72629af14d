/** A draft of pasted text is stored without control characters or broken surrogates, like a saved reception. */
import { expect, it } from 'vitest';
import { getDraft, saveDraft } from '../../../renderer/src/db/repositories/drafts';
import { findUnsafeText } from '../../../shared/protocol/text';
import { freshDb } from '../../fixtures/db';

it('keeps the typed text and drops what the protocol refuses', async () => {
  const db = freshDb();
  const values = { visitors: [{ name: '伍盛华\u0000', phone: '138\u00070796\ud8001234' }], issues: [{ summary: '板房费用\t未拨付\r\n😀' }] };
  await saveDraft(db, 'reception-new', null, { v: 1, values, baseUpdatedAt: null });
  const row = await getDraft(db, 'reception-new');
  expect(findUnsafeText(row?.data)).toBeNull();
  expect(row?.data).toEqual({ v: 1, values: { visitors: [{ name: '伍盛华', phone: '13807961234' }], issues: [{ summary: '板房费用\t未拨付\r\n😀' }] }, baseUpdatedAt: null });
});
