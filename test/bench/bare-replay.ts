// The baseline for submission benchmarks: the exact HTTP calls of one application (RAW-API §17:
// createDocumentContainer, createDocument and uploadImage per document, publish) made with plain
// fetch and the image bytes already in memory — no validation, no typed errors, no files.
// Used by trustid-submit.bench.ts and by the store/sync benchmark. Runs under plain Node (tsx).

export type BareSession = {
  /** The API root, ending in /VPE/ (e.g. the emulator's baseUrl). */
  apiRoot: string;
  apiKey: string;
  deviceId: string;
  sessionId: string;
};

export type BareApplication = {
  clientApplicationReference: string;
  documents: { mrz?: string; images: { imageType: number; bytes: Uint8Array }[] }[];
};

export type BareResult = { containerId: string; documentIds: string[]; imageIds: string[]; requests: number };

async function postJson(session: BareSession, path: string, body: Record<string, unknown>): Promise<Record<string, unknown>> {
  const res = await fetch(new URL(path, session.apiRoot), {
    method: 'POST',
    headers: { 'content-type': 'application/json; charset=utf-8', 'Tid-Api-Key': session.apiKey },
    body: JSON.stringify({ DeviceId: session.deviceId, SessionId: session.sessionId, ...body }),
  });
  const json = (await res.json()) as Record<string, unknown>;
  if (json.Success !== true) throw new Error(`${path} failed: HTTP ${res.status} ${String(json.Message)}`);
  return json;
}

/** Logs in with plain fetch and returns the session for bareSubmit. */
export async function bareLogin(opts: { apiRoot: string; apiKey: string; deviceId: string; username: string; password: string }): Promise<BareSession> {
  const res = await fetch(new URL('session/login/', opts.apiRoot), {
    method: 'POST',
    headers: { 'content-type': 'application/json; charset=utf-8', 'Tid-Api-Key': opts.apiKey },
    body: JSON.stringify({ DeviceId: opts.deviceId, Username: opts.username, Password: opts.password, DesktopClient: false }),
  });
  const json = (await res.json()) as { Success?: boolean; SessionId?: string };
  if (!json.Success || !json.SessionId) throw new Error(`login failed: HTTP ${res.status}`);
  return { apiRoot: opts.apiRoot, apiKey: opts.apiKey, deviceId: opts.deviceId, sessionId: json.SessionId };
}

/** Submits one application with the bare minimum of work per call. */
export async function bareSubmit(session: BareSession, app: BareApplication): Promise<BareResult> {
  let requests = 0;
  const container = await postJson(session, 'dataAccess/createDocumentContainer/', { DocumentSource: 4, ClientApplicationReference: app.clientApplicationReference });
  requests++;
  const containerId = String(container.ContainerId);
  const documentIds: string[] = [];
  const imageIds: string[] = [];
  for (const doc of app.documents) {
    const created = await postJson(session, 'dataAccess/createDocument/', { ContainerId: containerId, ...(doc.mrz ? { Mrz: doc.mrz } : {}) });
    requests++;
    const documentId = String(created.DocumentId);
    documentIds.push(documentId);
    for (const image of doc.images) {
      const url = new URL('dataAccess/uploadImage/', session.apiRoot);
      url.searchParams.set('__TT_ContainerId', containerId);
      url.searchParams.set('__TT_DocumentId', documentId);
      url.searchParams.set('__TT_ImageType', String(image.imageType));
      const res = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/octet-stream',
          'Tid-Api-Key': session.apiKey,
          __TT_DeviceId: session.deviceId,
          __TT_SessionId: session.sessionId,
        },
        body: image.bytes,
      });
      requests++;
      const json = (await res.json()) as { Success?: boolean; ImageId?: string };
      if (!json.Success || !json.ImageId) throw new Error(`uploadImage failed: HTTP ${res.status}`);
      imageIds.push(json.ImageId);
    }
  }
  await postJson(session, 'dataAccess/publishDocumentContainer/', { ContainerId: containerId, AutoReferral: true, WebClientRequest: true });
  requests++;
  return { containerId, documentIds, imageIds, requests };
}
