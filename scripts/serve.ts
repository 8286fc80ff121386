// Serves the production build (`npm start` runs this after preparing the database):
// `PORT` (3000), `HOST` (every interface when unset).
import { serveApp } from "./app-server";

const server = await serveApp({ port: Number(process.env.PORT ?? 3000), hostname: process.env.HOST || undefined });
const close = () => server.close(() => process.exit(0));
process.on("SIGTERM", close);
process.on("SIGINT", close);
