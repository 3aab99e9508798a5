/** The ways an inquiry the advisor registers herself can come (the web form registers its own). */
import { choiceLists } from './choices';

export const intakeChannels = ['phone', 'email', 'letter', 'meeting', 'own_initiative'] as const;
export type IntakeChannel = (typeof intakeChannels)[number];
export const channelLabel = (channel: IntakeChannel) => (channel === 'meeting' ? 'Møde' : choiceLists.channels[channel]);
