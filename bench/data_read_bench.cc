// Reader throughput on a deterministic corpus of Kubernetes manifests (Deployments,
// Services and ConfigMaps of about 2 KB each), as one YAML stream, one JSON document
// (a `List`, pretty-printed like `kubectl get -o json`) and JSON Lines (one manifest
// per line). Reports bytes per second of input.
//
//   build/release/bench/data_read_bench --benchmark_min_time=2

#include <benchmark/benchmark.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "warden/data/json_reader.h"
#include "warden/data/json_writer.h"
#include "warden/data/jsonl_reader.h"
#include "warden/data/yaml_reader.h"

namespace warden::data {
namespace {

constexpr int kDocuments = 2000;

// A small deterministic generator (no dependence on the standard library's engines).
class Random {
 public:
  uint32_t Next() {
    state_ = state_ * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<uint32_t>(state_ >> 33);
  }
  uint32_t Below(uint32_t bound) { return Next() % bound; }

 private:
  uint64_t state_ = 0x5EED;
};

const char* const kApps[] = {"checkout",  "payments", "catalog", "search",   "gateway",
                             "inventory", "billing",  "auth",    "notifier", "reports"};
const char* const kTeams[] = {"platform", "commerce", "data", "identity"};

std::string Deployment(Random& random, int index) {
  const std::string app = kApps[random.Below(10)];
  const std::string name = app + "-" + std::to_string(index);
  const std::string team = kTeams[random.Below(4)];
  std::string yaml =
      "apiVersion: apps/v1\n"
      "kind: Deployment\n"
      "metadata:\n"
      "  name: " +
      name +
      "\n"
      "  namespace: " +
      team +
      "\n"
      "  labels:\n"
      "    app.kubernetes.io/name: " +
      app +
      "\n"
      "    app.kubernetes.io/part-of: shop\n"
      "    team: " +
      team +
      "\n"
      "  annotations:\n"
      "    deployment.kubernetes.io/revision: \"" +
      std::to_string(random.Below(40) + 1) +
      "\"\n"
      "    owner: \"" +
      team +
      "@example.com\"\n"
      "spec:\n"
      "  replicas: " +
      std::to_string(random.Below(5) + 1) +
      "\n"
      "  revisionHistoryLimit: 10\n"
      "  selector:\n"
      "    matchLabels:\n"
      "      app.kubernetes.io/name: " +
      app +
      "\n"
      "  strategy:\n"
      "    type: RollingUpdate\n"
      "    rollingUpdate: {maxSurge: 25%, maxUnavailable: 0}\n"
      "  template:\n"
      "    metadata:\n"
      "      labels:\n"
      "        app.kubernetes.io/name: " +
      app +
      "\n"
      "        team: " +
      team +
      "\n"
      "    spec:\n"
      "      serviceAccountName: " +
      app +
      "\n"
      "      securityContext:\n"
      "        runAsNonRoot: true\n"
      "        runAsUser: 10001\n"
      "        seccompProfile:\n"
      "          type: RuntimeDefault\n"
      "      containers:\n"
      "        - name: " +
      app +
      "\n"
      "          image: registry.example.com/shop/" +
      app + ":1." + std::to_string(random.Below(20)) + "." + std::to_string(random.Below(10)) +
      "\n"
      "          imagePullPolicy: IfNotPresent\n"
      "          args: [\"--port=8080\", \"--log-level=info\", \"--metrics\"]\n"
      "          ports:\n"
      "            - name: http\n"
      "              containerPort: 8080\n"
      "              protocol: TCP\n"
      "            - name: metrics\n"
      "              containerPort: 9090\n"
      "              protocol: TCP\n"
      "          env:\n"
      "            - name: LOG_FORMAT\n"
      "              value: json\n"
      "            - name: DATABASE_URL\n"
      "              valueFrom:\n"
      "                secretKeyRef: {name: " +
      app +
      "-db, key: url}\n"
      "            - name: CACHE_TTL_SECONDS\n"
      "              value: \"" +
      std::to_string(random.Below(600)) +
      "\"\n"
      "          resources:\n"
      "            requests: {cpu: " +
      std::to_string(random.Below(900) + 100) +
      "m, memory: " + std::to_string(random.Below(512) + 128) +
      "Mi}\n"
      "            limits: {cpu: \"2\", memory: 1Gi}\n"
      "          readinessProbe:\n"
      "            httpGet: {path: /healthz, port: http}\n"
      "            periodSeconds: 10\n"
      "          livenessProbe:\n"
      "            httpGet: {path: /livez, port: http}\n"
      "            initialDelaySeconds: 15\n"
      "          securityContext:\n"
      "            allowPrivilegeEscalation: false\n"
      "            readOnlyRootFilesystem: true\n"
      "            capabilities:\n"
      "              drop: [ALL]\n"
      "          volumeMounts:\n"
      "            - name: config\n"
      "              mountPath: /etc/" +
      app +
      "\n"
      "              readOnly: true\n"
      "            - name: tmp\n"
      "              mountPath: /tmp\n"
      "      volumes:\n"
      "        - name: config\n"
      "          configMap:\n"
      "            name: " +
      app +
      "-config\n"
      "        - name: tmp\n"
      "          emptyDir: {}\n";
  return yaml;
}

std::string Service(Random& random, int index) {
  const std::string app = kApps[random.Below(10)];
  return "apiVersion: v1\n"
         "kind: Service\n"
         "metadata:\n"
         "  name: " +
         app + "-" + std::to_string(index) +
         "\n"
         "  namespace: " +
         std::string(kTeams[random.Below(4)]) +
         "\n"
         "  labels:\n"
         "    app.kubernetes.io/name: " +
         app +
         "\n"
         "  annotations:\n"
         "    prometheus.io/scrape: \"true\"\n"
         "    prometheus.io/port: \"9090\"\n"
         "spec:\n"
         "  type: ClusterIP\n"
         "  selector:\n"
         "    app.kubernetes.io/name: " +
         app +
         "\n"
         "  ports:\n"
         "    - name: http\n"
         "      port: 80\n"
         "      targetPort: http\n"
         "      protocol: TCP\n"
         "    - name: metrics\n"
         "      port: 9090\n"
         "      targetPort: metrics\n"
         "      protocol: TCP\n"
         "  sessionAffinity: None\n";
}

std::string ConfigMap(Random& random, int index) {
  const std::string app = kApps[random.Below(10)];
  std::string yaml =
      "apiVersion: v1\n"
      "kind: ConfigMap\n"
      "metadata:\n"
      "  name: " +
      app + "-config-" + std::to_string(index) +
      "\n"
      "  namespace: " +
      std::string(kTeams[random.Below(4)]) +
      "\n"
      "  labels:\n"
      "    app.kubernetes.io/name: " +
      app +
      "\n"
      "data:\n"
      "  LOG_LEVEL: info\n"
      "  FEATURE_FLAGS: \"new-checkout,fast-search\"\n"
      "  MAX_CONNECTIONS: \"" +
      std::to_string(random.Below(1000)) +
      "\"\n"
      "  config.yaml: |\n"
      "    server:\n"
      "      port: 8080\n"
      "      read_timeout: 30s\n"
      "    upstreams:\n";
  for (int upstream = 0; upstream < 8; ++upstream) {
    yaml += "      - name: " + std::string(kApps[random.Below(10)]) +
            "\n"
            "        url: http://" +
            kApps[random.Below(10)] +
            ".svc.cluster.local:80\n"
            "        retries: " +
            std::to_string(random.Below(5)) + "\n";
  }
  return yaml;
}

struct Corpus {
  std::string yaml;
  std::string json;
  std::string jsonl;
};

const Corpus& GetCorpus() {
  static const Corpus* corpus = [] {
    auto* built = new Corpus;
    Random random;
    for (int doc_idx = 0; doc_idx < kDocuments; ++doc_idx) {
      built->yaml += "---\n";
      switch (doc_idx % 4) {
        case 0:
        case 1:
          built->yaml += Deployment(random, doc_idx);
          break;
        case 2:
          built->yaml += Service(random, doc_idx);
          break;
        default:
          built->yaml += ConfigMap(random, doc_idx);
          break;
      }
    }
    // The JSON forms are written from the parsed YAML, so all three hold the same data.
    StatusOr<std::vector<Document>> documents = ReadYaml(built->yaml, "corpus.yaml");
    if (!documents.ok()) {
      std::fprintf(stderr, "corpus: %s\n", documents.status().message().c_str());
      std::abort();
    }
    built->json = "{\n  \"apiVersion\": \"v1\",\n  \"kind\": \"List\",\n  \"items\": [\n";
    for (size_t doc_idx = 0; doc_idx < documents->size(); ++doc_idx) {
      if (doc_idx > 0) built->json += ",\n";
      built->json += ToJson(*(*documents)[doc_idx].root, /*pretty=*/true);
      built->jsonl += ToJson(*(*documents)[doc_idx].root) + "\n";
    }
    built->json += "\n  ]\n}\n";
    return built;
  }();
  return *corpus;
}

void BM_ReadYaml(benchmark::State& state) {
  const std::string& text = GetCorpus().yaml;
  for (auto _ : state) {
    StatusOr<std::vector<Document>> documents = ReadYaml(text, "corpus.yaml");
    if (!documents.ok()) state.SkipWithError(documents.status().message().c_str());
    benchmark::DoNotOptimize(documents);
  }
  state.SetBytesProcessed(state.iterations() * static_cast<int64_t>(text.size()));
  state.counters["input_MB"] = static_cast<double>(text.size()) / 1e6;
}
BENCHMARK(BM_ReadYaml)->Unit(benchmark::kMillisecond);

void BM_ReadJson(benchmark::State& state) {
  const std::string& text = GetCorpus().json;
  for (auto _ : state) {
    StatusOr<Document> document = ReadJson(text, "corpus.json");
    if (!document.ok()) state.SkipWithError(document.status().message().c_str());
    benchmark::DoNotOptimize(document);
  }
  state.SetBytesProcessed(state.iterations() * static_cast<int64_t>(text.size()));
  state.counters["input_MB"] = static_cast<double>(text.size()) / 1e6;
}
BENCHMARK(BM_ReadJson)->Unit(benchmark::kMillisecond);

void BM_ReadJsonLines(benchmark::State& state) {
  const std::string& text = GetCorpus().jsonl;
  for (auto _ : state) {
    StatusOr<std::vector<Document>> documents = ReadJsonLines(text, "corpus.jsonl");
    if (!documents.ok()) state.SkipWithError(documents.status().message().c_str());
    benchmark::DoNotOptimize(documents);
  }
  state.SetBytesProcessed(state.iterations() * static_cast<int64_t>(text.size()));
  state.counters["input_MB"] = static_cast<double>(text.size()) / 1e6;
}
BENCHMARK(BM_ReadJsonLines)->Unit(benchmark::kMillisecond);

void BM_ToJson(benchmark::State& state) {
  StatusOr<Document> document = ReadJson(GetCorpus().json, "corpus.json");
  size_t bytes = 0;
  for (auto _ : state) {
    std::string json = ToJson(*document->root);
    bytes = json.size();
    benchmark::DoNotOptimize(json);
  }
  state.SetBytesProcessed(state.iterations() * static_cast<int64_t>(bytes));
}
BENCHMARK(BM_ToJson)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace warden::data

BENCHMARK_MAIN();
