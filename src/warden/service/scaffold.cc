#include "warden/service/scaffold.h"

namespace warden::service {
namespace {

constexpr const char* kPolicy = R"file(apiVersion: warden/v1
kind: Policy
metadata:
  name: no-privileged-containers
  title: Containers must not run privileged
  type: security
  severity: high
  owner: platform-security
  controls: ["pss:baseline", "cis-k8s:5.2.1"]
spec:
  enforcement: enforce
  match:
    kinds: [Pod, Deployment, StatefulSet, DaemonSet, Job]
  let:
    pod: "object.kind == 'Pod' ? object.spec : object.spec.template.spec"
    prefix: "object.kind == 'Pod' ? 'spec' : 'spec.template.spec'"
  rules:
    - id: no-privileged
      title: Privileged containers are disallowed
      foreach: "pod.containers"
      condition: "item.?securityContext.?privileged.orValue(false)"
      message: "container {{item.name}} runs privileged"
      path: "{{prefix}}.containers[{{index}}].securityContext.privileged"
      remediation: "Remove `privileged: true` from the container's securityContext."
)file";

constexpr const char* kTest = R"file(apiVersion: warden/v1
kind: Test
metadata:
  name: no-privileged-containers
spec:
  cases:
    - name: a privileged pod fails
      input: {file: ../fixtures/privileged-pod.yaml}
      expect:
        outcome: fail
        violations: [{policy: no-privileged-containers, rule: no-privileged, count: 1}]
    - name: a plain pod passes
      input: {file: ../fixtures/good-pod.yaml}
      expect:
        outcome: pass
)file";

constexpr const char* kBadPod = R"file(apiVersion: v1
kind: Pod
metadata:
  name: debug
  namespace: default
spec:
  containers:
    - name: shell
      image: registry.example.com/tools/shell:1.0
      securityContext:
        privileged: true
)file";

constexpr const char* kGoodPod = R"file(apiVersion: v1
kind: Pod
metadata:
  name: web
  namespace: default
spec:
  containers:
    - name: web
      image: registry.example.com/web:1.4.2
      securityContext:
        runAsNonRoot: true
)file";

constexpr const char* kGithub = R"file(name: warden
on:
  pull_request:
  push:
    branches: [main]
permissions:
  contents: read
  security-events: write
jobs:
  policy-check:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - name: Validate policies
        run: warden validate .
      - name: Test policies
        run: warden test -b . --output-file junit=warden-tests.xml
      - name: Check manifests
        run: warden check -b . --output github --output-file sarif=warden.sarif deploy/
      - name: Upload SARIF to code scanning
        if: always()
        uses: github/codeql-action/upload-sarif@v3
        with:
          sarif_file: warden.sarif
)file";

constexpr const char* kGitlab = R"file(warden:
  stage: test
  script:
    - warden validate .
    - warden test -b . --output-file junit=warden-tests.xml
    - warden check -b . --output table --output-file gitlab=gl-code-quality.json --output-file junit=warden-junit.xml deploy/
  artifacts:
    when: always
    reports:
      codequality: gl-code-quality.json
      junit: [warden-junit.xml, warden-tests.xml]
)file";

constexpr const char* kPreCommit =
    R"file(# pre-commit (https://pre-commit.com) hooks: `pre-commit install` once, then every
# commit validates and tests the policies and checks the manifests.
repos:
  - repo: local
    hooks:
      - id: warden-validate
        name: warden validate
        entry: warden validate .
        language: system
        pass_filenames: false
      - id: warden-test
        name: warden test
        entry: warden test -b .
        language: system
        pass_filenames: false
      - id: warden-check
        name: warden check
        entry: warden check -b . --quiet
        language: system
        files: ^deploy/.*\.ya?ml$
)file";

}  // namespace

std::vector<ScaffoldFile> ScaffoldFiles(const std::string& name) {
  std::string bundle = "apiVersion: warden/v1\nkind: Bundle\nmetadata:\n  name: " + name +
                       "\n  version: 0.1.0\nspec:\n  policies: [\"policies/**.yaml\"]\n"
                       "  tests: [\"tests/**.yaml\"]\n"
                       "  # Built-in templates (`warden templates list`), for example:\n"
                       "  # include:\n"
                       "  #   - template: builtin:pss-baseline\n"
                       "  #   - template: builtin:k8s-best-practices\n"
                       "  #     params: {allowed_registries: [registry.example.com/]}\n"
                       "  combining: deny-overrides\n"
                       "  default: allow\n  environments:\n    dev: {enforcement: warn}\n"
                       "    prod: {enforcement: enforce}\n";
  return {
      {"bundle.yaml", bundle},
      {"policies/no-privileged-containers.yaml", kPolicy},
      {"tests/no-privileged-containers.yaml", kTest},
      {"fixtures/privileged-pod.yaml", kBadPod},
      {"fixtures/good-pod.yaml", kGoodPod},
      {".github/workflows/warden.yml", kGithub},
      {".gitlab-ci.yml", kGitlab},
      {".pre-commit-config.yaml", kPreCommit},
  };
}

}  // namespace warden::service
