FROM nginx:1.25
HEALTHCHECK --interval=30s --timeout=3s --retries=3 \
  CMD curl -fsS http://localhost/ || exit 1
ONBUILD COPY . /usr/share/nginx/html
ONBUILD RUN ["nginx", "-t"]
from nginx AS second
healthcheck NONE
Run echo "case insensitive" 'keywords'
