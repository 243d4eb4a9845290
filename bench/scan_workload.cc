// The generated Kubernetes corpus of the scan benchmark (see scan_workload.h).

#include "scan_workload.h"

#include <fstream>
#include <string>

#include "enterprise_workload.h"

namespace warden::bench {
namespace {

const char* const kTeams[] = {"payments", "search", "identity", "platform", "data"};
const char* const kRegistries[] = {"registry.example.com/", "registry.example.com/",
                                   "ghcr.io/example/", "docker.io/library/"};

std::string Container(Mulberry32& rng, const std::string& name, int index,
                      const std::string& indent) {
  uint32_t flavour = rng.next() % 100;
  std::string image = std::string(kRegistries[rng.next() % 4]) + name + ":" +
                      (flavour < 5 ? "latest" : "1." + std::to_string(rng.next() % 20) + ".3");
  std::string c = indent + "- name: " + name + "-" + std::to_string(index) + "\n";
  c += indent + "  image: " + image + "\n";
  c += indent + "  ports:\n" + indent + "    - containerPort: " + std::to_string(8000 + index) +
       "\n";
  if (flavour % 7 == 0) c += indent + "      hostPort: 80\n";
  c += indent + "  env:\n";
  c += indent + "    - name: LOG_LEVEL\n" + indent + "      value: info\n";
  c += indent + "    - name: REGION\n" + indent + "      value: eu-west-1\n";
  c += indent + "    - name: OTEL_EXPORTER_OTLP_ENDPOINT\n" + indent +
       "      value: http://otel-collector.observability.svc:4317\n";
  c += indent + "    - name: POD_NAME\n" + indent + "      valueFrom:\n" + indent +
       "        fieldRef: {fieldPath: metadata.name}\n";
  if (flavour % 11 == 0)
    c += indent + "    - name: DB_PASSWORD\n" + indent + "      value: hunter2\n";
  c += indent + "  volumeMounts:\n" + indent + "    - {name: config, mountPath: /etc/" + name +
       ", readOnly: true}\n";
  c += indent + "  args: [\"--config=/etc/" + name +
       "/config.yaml\", \"--port=" + std::to_string(8000 + index) + "\"]\n";
  c += indent + "  securityContext:\n";
  c += indent + "    runAsNonRoot: " + std::string(flavour % 5 == 0 ? "false" : "true") + "\n";
  c += indent +
       "    allowPrivilegeEscalation: " + std::string(flavour % 9 == 0 ? "true" : "false") + "\n";
  c += indent + "    readOnlyRootFilesystem: true\n";
  if (flavour % 13 == 0) c += indent + "    privileged: true\n";
  c += indent + "    capabilities:\n" + indent + "      drop: [ALL]\n";
  if (flavour % 3 != 0) {
    c += indent + "  resources:\n" + indent + "    requests: {cpu: 100m, memory: 128Mi}\n";
    c += indent + "    limits: {cpu: 500m, memory: 256Mi}\n";
  }
  if (flavour % 4 != 0) {
    c += indent + "  livenessProbe:\n" + indent +
         "    httpGet: {path: /healthz, port: " + std::to_string(8000 + index) + "}\n";
    c += indent + "  readinessProbe:\n" + indent +
         "    httpGet: {path: /ready, port: " + std::to_string(8000 + index) + "}\n";
  }
  return c;
}

std::string Metadata(Mulberry32& rng, const std::string& name) {
  std::string team = kTeams[rng.next() % 5];
  std::string m = "metadata:\n  name: " + name + "\n";
  if (rng.next() % 20 != 0) m += "  namespace: " + team + "\n";
  m += "  labels:\n    app: " + name + "\n";
  if (rng.next() % 10 != 0) m += "    team: " + team + "\n";
  m += "  annotations:\n    owner: " + team + "@example.com\n    revision: \"" +
       std::to_string(rng.next() % 100000) + "\"\n";
  m += "    runbook: https://runbooks.example.com/" + team + "/" + name + "\n";
  m += "    description: \"" + name + " serves the " + team +
       " team; paged through the on-call rotation\"\n";
  return m;
}

std::string PodSpec(Mulberry32& rng, const std::string& name, const std::string& indent) {
  std::string s =
      indent + "securityContext:\n" + indent + "  seccompProfile: {type: RuntimeDefault}\n";
  s += indent + "automountServiceAccountToken: false\n";
  if (rng.next() % 25 == 0) s += indent + "hostNetwork: true\n";
  s += indent + "containers:\n";
  int count = 1 + static_cast<int>(rng.next() % 2);
  for (int index = 0; index < count; ++index) s += Container(rng, name, index, indent + "  ");
  s += indent + "volumes:\n" + indent + "  - name: config\n" + indent +
       "    configMap: {name: " + name + "}\n";
  if (rng.next() % 30 == 0)
    s += indent + "  - name: host\n" + indent + "    hostPath: {path: /var/run}\n";
  return s;
}

std::string Manifest(Mulberry32& rng, int index) {
  std::string name = "svc-" + std::to_string(index);
  uint32_t kind = rng.next() % 10;
  if (kind < 4) {
    return "apiVersion: apps/v1\nkind: Deployment\n" + Metadata(rng, name) +
           "spec:\n  replicas: 3\n  selector:\n    matchLabels: {app: " + name +
           "}\n  template:\n    metadata:\n      labels: {app: " + name + "}\n    spec:\n" +
           PodSpec(rng, name, "      ");
  }
  if (kind < 6)
    return "apiVersion: v1\nkind: Pod\n" + Metadata(rng, name) + "spec:\n" +
           PodSpec(rng, name, "  ");
  if (kind < 8) {
    std::string type = rng.next() % 6 == 0 ? "NodePort" : "ClusterIP";
    return "apiVersion: v1\nkind: Service\n" + Metadata(rng, name) + "spec:\n  type: " + type +
           "\n  selector: {app: " + name +
           "}\n  ports:\n    - {port: 80, targetPort: 8080, protocol: TCP}\n";
  }
  return "apiVersion: batch/v1\nkind: CronJob\n" + Metadata(rng, name) +
         "spec:\n  schedule: \"*/5 * * * *\"\n  concurrencyPolicy: " +
         std::string(rng.next() % 2 == 0 ? "Forbid" : "Allow") +
         "\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          restartPolicy: "
         "OnFailure\n" +
         PodSpec(rng, name, "          ");
}

}  // namespace

size_t WriteScanCorpus(const std::string& directory) {
  Mulberry32 rng{20260101u};
  size_t bytes = 0;
  for (int file_idx = 0; file_idx < kScanManifests / kScanManifestsPerFile; ++file_idx) {
    std::string text;
    for (int doc = 0; doc < kScanManifestsPerFile; ++doc) {
      text += "---\n" + Manifest(rng, file_idx * kScanManifestsPerFile + doc);
    }
    bytes += text.size();
    std::ofstream(directory + "/manifests-" + std::to_string(file_idx) + ".yaml") << text;
  }
  return bytes;
}

}  // namespace warden::bench
