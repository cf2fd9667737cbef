export { createLiveHub, publishChange, LIVE_CHANNEL, type LiveEvent, type LiveHub, type LiveListener } from './hub.ts';
export { registerLiveStream, STREAM_MAX_AGE_MS } from './stream.ts';
