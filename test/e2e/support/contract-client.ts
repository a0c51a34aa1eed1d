// A second contract client beside the page, as an administrator's or main's own action would be:
// one call over the host's WebSocket, in the frames of preload/contract/websocket-frames.ts. Runs in
// the Playwright test process.
import WebSocket from 'ws';
import type { InvokeChannel, Req, Res } from '../../../preload/contract';
import { credentialProtocol, decodeHostFrame, encodeRequest, WS_PROTOCOL } from '../../../preload/contract/websocket-frames';
import type { HostInfo } from '../fixtures';

export async function callContract<C extends InvokeChannel>(host: HostInfo, channel: C, payload?: Req<C>): Promise<Res<C>> {
  const secret = new URL(host.url).hash.slice('#k='.length);
  const ws = new WebSocket(`ws://127.0.0.1:${host.port}/contract`, [WS_PROTOCOL, credentialProtocol({ kind: 'secret', value: secret })], {
    origin: `http://127.0.0.1:${host.port}`,
  });
  try {
    await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
    const answer = new Promise<Res<C>>((resolve, reject) => {
      ws.on('message', (data) => {
        const decoded = decodeHostFrame(data.toString());
        if (decoded?.kind !== 'response' || decoded.frame.id !== 1) return;
        const { envelope } = decoded.frame;
        if (envelope.ok) resolve(envelope.value as Res<C>);
        else reject(new Error(`${channel}: ${envelope.code}: ${envelope.message}`));
      });
    });
    ws.send(encodeRequest({ id: 1, channel, payload }));
    return await answer;
  } finally {
    ws.close();
  }
}
