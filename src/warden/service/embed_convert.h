#pragma once
// Conversions between the engine's results and the public embedding API's
// (include/warden/): internal to the embedding implementation (embed_*.cc).
//
// Engine → public moves every string and vector it can (the hot path of Decide and
// Check); public → engine copies, for ToJson, which renders through report/ so the
// embedding API and the CLI print the same JSON.

#include "warden/check_result.h"
#include "warden/decision.h"
#include "warden/engine/result.h"
#include "warden/policy/model.h"
#include "warden/vocabulary.h"

namespace warden::service::embed {

warden::Effect ToPublic(engine::Decision decision);
warden::RuleEffect ToPublic(policy::Effect effect);
warden::Severity ToPublic(policy::Severity severity);
warden::Enforcement ToPublic(policy::Enforcement enforcement);
warden::Outcome ToPublic(engine::Outcome outcome);

engine::Decision ToEngine(warden::Effect effect);
policy::Effect ToEngine(warden::RuleEffect effect);
policy::Severity ToEngine(warden::Severity severity);
policy::Enforcement ToEngine(warden::Enforcement enforcement);
engine::Outcome ToEngine(warden::Outcome outcome);

// Moves the engine's decision into the public one (`error` stays empty).
warden::Decision ToPublic(engine::RequestDecision&& decision);
warden::DocumentOutcome ToPublic(engine::DocumentResult&& result);

engine::RequestDecision ToEngine(const warden::Decision& decision);
engine::DocumentResult ToEngine(const warden::DocumentOutcome& document);

}  // namespace warden::service::embed
