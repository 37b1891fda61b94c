import { IncomingMessage, ServerResponse } from 'node:http';
import { Socket } from 'node:net';
import { requestLogFields, responseLogFields } from './http-log';

describe('access log fields', () => {
  it('keeps id, method, url and tenant, and never a header value such as a token or a cookie', () => {
    const req = new IncomingMessage(new Socket()) as IncomingMessage & { id?: string };
    req.id = 'req-1';
    req.method = 'POST';
    req.url = '/graphql';
    req.headers = {
      authorization: 'Bearer secret-token',
      cookie: 'session=secret-cookie',
      'x-tenant-id': '6f1c0f4e-8d1a-4f7b-9a59-0f3f2b9c1a11',
    };
    const fields = requestLogFields(req);
    expect(fields).toMatchObject({
      id: 'req-1',
      method: 'POST',
      url: '/graphql',
      tenant: '6f1c0f4e-8d1a-4f7b-9a59-0f3f2b9c1a11',
    });
    expect(JSON.stringify(fields)).not.toMatch(/secret/);
  });

  it('never logs the token of a response link (/respond/<token>)', () => {
    const req = new IncomingMessage(new Socket());
    req.method = 'GET';
    req.url = '/respond/s3cr3t-token_value?utm=mail';
    const fields = requestLogFields(req);
    expect(fields.url).toBe('/respond/[token]?utm=mail');
    expect(JSON.stringify(fields)).not.toContain('s3cr3t');
  });

  it('logs the status of a response', () => {
    const res = new ServerResponse(new IncomingMessage(new Socket()));
    res.statusCode = 201;
    expect(responseLogFields(res)).toEqual({ statusCode: 201 });
  });
});
