import { citizenIdentityFields } from '../rules/personal-data';
import { CASE_DOCUMENT, COMPLAINT, INBOUND_MAIL, NOTIFICATION } from '../content-types';

/**
 * The fields the administrative assistant may not read. A receipt's recipient is the citizen's
 * e-mail address, and a delivery error may repeat it. Documents from citizens and centers, even
 * their file names, carry the citizen's identity.
 */
export const assistantHiddenFields: Record<string, string[]> = {
  [COMPLAINT]: [...citizenIdentityFields],
  [NOTIFICATION]: ['recipient', 'lastError'],
  [CASE_DOCUMENT]: ['file', 'title', 'note'],
  // An e-mail names its sender and says what they wrote: the assistant sees that it came and where it went.
  [INBOUND_MAIL]: ['fromAddress', 'fromName', 'subject', 'text', 'original', 'attachments', 'refusedAttachments', 'reason'],
};
