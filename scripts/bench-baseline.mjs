/** The benchmark's baseline: bare Express 5 with express.json answering a SNAP-shaped JSON. */
import express from 'express';

const app = express();
app.use(express.json());
app.get('/health', (_req, res) => res.json({ status: 'ok' }));
app.post('/direct-debit/core/v1/debit/payment-host-to-host', (req, res) => {
  res.json({
    responseCode: '2005400',
    responseMessage: 'Successful',
    referenceNo: '20260526000000000000000000000001',
    partnerReferenceNo: req.body.partnerReferenceNo,
  });
});
const server = app.listen(Number(process.env.PORT), '127.0.0.1');
process.on('SIGTERM', () => server.close(() => process.exit(0)));
