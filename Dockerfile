# Partnership Governance: the long-running server (lib/server.js, Probot's own server).
# Build: docker build -t partnership-governance .
# Run:   docker run -p 3000:3000 -e APP_ID=... -e PRIVATE_KEY="$(cat key.pem)" -e WEBHOOK_SECRET=... partnership-governance

# --- Stage 1: compile the TypeScript with every dependency, dev ones included.
FROM node:22-alpine AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json ./
COPY src ./src
RUN npm run build

# --- Stage 2: the runtime: production dependencies and the compiled app only.
FROM node:22-alpine
# Probot listens on localhost unless told otherwise: in a container, listen on every interface.
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000
WORKDIR /app
COPY package.json package-lock.json ./
# Install scripts are not run: the one production dependency that has one, msgpackr-extract (an
# optional native speed-up of BullMQ's encoding), is left unbuilt and BullMQ uses plain JavaScript.
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/lib ./lib
COPY app.yml ./
# The files stay root's and read-only to the process: the app keeps no state of its own.
USER node
EXPOSE 3000
# Probot's own liveness route answers GET /ping with PONG (busybox wget is in the alpine image), on
# the port the server listens on (PORT, given at docker run or here).
HEALTHCHECK --interval=30s --timeout=5s --retries=3 CMD wget -q -O /dev/null "http://127.0.0.1:${PORT:-3000}/ping" || exit 1
# The server is PID 1 and handles SIGTERM itself (docker stop): it stops listening and exits at once.
CMD ["node", "lib/server.js"]
