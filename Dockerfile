# One image for every LimiQuantix process; docker-compose.yaml picks the role per service.
FROM node:20-bookworm-slim
WORKDIR /app
COPY package.json package-lock.json .npmrc ./
COPY prisma ./prisma
RUN npm ci --no-audit --no-fund
COPY . .
ENV NODE_ENV=production
EXPOSE 4000
CMD ["npm", "start"]
