// Stories of failures caused by a change: code, configuration and infrastructure. These are
// the ones an AI tool can be part of, so each says what the tool did.
import type { Story } from "./stories";
import { storiesOf } from "./story-text";

export const CHANGE_STORIES: readonly Story[] = storiesOf(`
CODE_CHANGE
title: {service} returning 5xx after deploy
title: {capability} failing for older app versions after {service} release
cause: A change to **{service}** ({change}) removed a null check on a field that older app versions still omit. Requests from those clients failed with HTTP 500 until the change was rolled back.
why: Why did {capability} fail? **{service}** answered HTTP 500 to requests from older app versions.
why: Why did those requests fail? The change removed a null check on a field older versions do not send.
why: Why did the tests not catch it? The test fixtures only hold requests from the current app version.
why: Why did the canary not catch it? Too few older clients reach the canary for an alarm to fire.
why: Why so few? The canary's traffic share was never revisited when the fleet grew.
ai why: Why was the null check removed? Because {aiAction}, and nobody asked why the check was there.
ASSISTED: {tool} suggested a simpler request mapping that dropped the null check; the author accepted it.
GENERATED: {tool} generated the new request mapping from a one-line prompt; it assumed every client sends the field.
AGENT: {tool}, working a clean-up ticket as an agent, rewrote the request mapping without the null check and deployed it.
factor: The {service} dashboard does not break errors down by client version.
factor: The canary takes 1 % of traffic, almost none of it from older app versions.
lesson: A canary only protects us if it sees representative traffic.
lesson: Fixtures must include the oldest client we still support.
mitigation: rolling back the change
PREVENT: Add fixtures from every supported app version to the {service} tests
DETECT: Alarm on {service} error rate per client version
PROCESS: Review the canary traffic share for {service}
went well: The error-rate alarm fired within minutes and the rollback worked first time.
lucky: Most customers had already updated their app.

CODE_CHANGE
title: {service} latency regression from new query
title: {service} timing out after release
cause: The release of **{service}** in {change} introduced an unindexed query on the hot path. Database CPU reached 100 % within minutes and requests timed out.
why: Why did {capability} time out? **{service}** waited on its database for every request.
why: Why was the database slow? A new query scanned a whole table on every request.
why: Why was there no index? The query was only tried against a small test database.
why: Why was it not tried at production size? There is no load test with production-sized data before release.
ai why: Why did the query scan the table? Because {aiAction}, and the query plan was never looked at.
ASSISTED: {tool} suggested the query; the author accepted it without checking its plan.
GENERATED: {tool} generated the repository method and its query; the review looked at the code, not the query plan.
AGENT: {tool}, as an agent, wrote the query, ran the unit tests and released the change itself.
factor: The test database holds a few hundred rows; production holds forty million.
factor: The slow-query alarm only pages after fifteen minutes.
lesson: Queries on the hot path need a look at their plan at production size.
lesson: Rollback must be faster than diagnosis.
mitigation: rolling back the release
PREVENT: Check query plans of {service} against a production-sized copy before release
DETECT: Page on p99 latency of {service}, not only on errors
MITIGATE: Make {service} rollback a one-click action
went well: The rollback took four minutes once the release was suspected.
lucky: The release went out before the evening peak.

CODE_CHANGE
title: {capability} failing after {service} serialisation change
title: {service} sending payloads consumers cannot parse
cause: A refactor in {change} changed the serialisation of a shared type. **{service}** began sending payloads its consumers could not parse, so {capability} failed.
why: Why did {capability} fail? Consumers of **{service}** rejected its responses.
why: Why were they rejected? A date field changed from a string to a number.
why: Why did it change? A refactor replaced the serialiser of a shared type.
why: Why did no test see it? There are no contract tests between {service} and its consumers.
why: Why are there none? Each team tests its own service only.
ai why: Why was the serialiser replaced? Because {aiAction}, and the refactor looked like a no-op.
ASSISTED: {tool} completed the refactor across several files; the author reviewed the diff but not the changed wire format.
GENERATED: {tool} generated the refactor of the shared type; its own tests passed because they used the new format on both sides.
AGENT: {tool}, as an agent, refactored the shared type across the repository and merged and deployed it itself.
factor: The shared type lives in a library with no owner.
factor: Consumers log parse failures at debug level only.
lesson: What crosses a service boundary is a contract and needs a contract test.
lesson: A shared library needs an owner.
mitigation: rolling back the change
PREVENT: Add contract tests between {service} and its consumers
DETECT: Alarm on response parse failures in {service} consumers
PROCESS: Name an owning team for the shared types library
went well: The consumer teams joined the call quickly and pointed at the changed field.
lucky: Only one consumer had deployed the new client library.

CONFIG_CHANGE
title: {service} timeouts after connection pool setting change
title: {service} queueing requests after config push
cause: A configuration push ({change}) lowered the connection pool of **{service}** from 200 to 20. Under normal load requests queued and timed out.
why: Why did {capability} fail? **{service}** timed out under normal load.
why: Why did it time out? Its connection pool was set to 20 instead of 200.
why: Why was the value wrong? The configuration is edited by hand, and nothing checks it.
why: Why is it not checked? Configuration pushes skip the deployment pipeline.
why: Why do they skip it? The pipeline was built for code, not configuration.
ai why: Why was it set to 20? Because {aiAction}, and the value was copied from a test environment.
ASSISTED: {tool} filled in the pool settings from a test environment's file; the author accepted the suggestion.
GENERATED: {tool} generated the configuration file for the new environment layout, with test-sized pool limits.
AGENT: {tool}, as an agent, tidied the configuration of every environment and pushed it to production itself.
factor: Configuration pushes reach every instance at once.
factor: The pool-saturation metric has no alarm.
lesson: Configuration is code: it needs the same pipeline, checks and canary.
lesson: Rollback must be faster than diagnosis.
mitigation: reverting the configuration
PREVENT: Validate {service} configuration in the deployment pipeline
DETECT: Alarm on connection pool saturation of {service}
MITIGATE: Roll configuration out in waves, like code
went well: The configuration history showed the change at once.
lucky: The push happened during a quiet hour.

CONFIG_CHANGE
title: Feature flag rollout broke {capability}
title: {service} errors after flag switched on for everyone
cause: A feature flag was switched on for 100 % of traffic instead of 1 % ({change}). The new code path in **{service}** was not ready for production load.
why: Why did {capability} fail? A new code path in **{service}** failed under load.
why: Why did it see full load? Its feature flag was set to 100 % instead of 1 %.
why: Why was that possible? The flag tool accepts any percentage with no confirmation.
why: Why is there no confirmation? Flags were meant for small experiments, not releases.
ai why: Why was 100 % entered? Because {aiAction}, and the rollout plan said 1 %.
ASSISTED: {tool} autocompleted the flag rule with the percentage of an older, finished rollout; the author accepted it.
GENERATED: {tool} generated the flag rules from the rollout ticket and misread the first wave as the whole rollout.
AGENT: {tool}, as an agent, applied the rollout plan itself and set the flag to its final value in one step.
factor: Flag changes are not shown on the {service} dashboard.
factor: There is no kill switch for the new code path.
lesson: Releasing through a flag is still a release: it needs waves and a way back.
lesson: A dashboard should show every change, flags included.
mitigation: switching the feature flag off
PREVENT: Require a confirmation for flag rollouts above 10 %
MITIGATE: Add a kill switch for the new {capability} code path
DETECT: Show feature flag changes on the {service} dashboard
went well: Switching the flag off ended the impact at once.
lucky: The engineer who made the change was still online.

CONFIG_CHANGE
title: {service} misrouted traffic after routing rule change
title: Traffic for {regions} sent to a drained pool
cause: A routing rule in {change} sent traffic for {regions} to a pool that had been drained for maintenance, so **{service}** answered with errors there.
why: Why did {capability} fail in {regions}? Its requests reached a pool with no healthy hosts.
why: Why did they reach it? A routing rule pointed {regions} at the drained pool.
why: Why was that not refused? The router does not check that a target has healthy hosts.
why: Why does it not check? Health checks and routing are configured in different tools.
ai why: Why did the rule point there? Because {aiAction}, from a list of pools that was out of date.
ASSISTED: {tool} suggested the target pool from an out-of-date pool list; the author accepted it.
GENERATED: {tool} generated the routing rules from a spreadsheet that still listed the drained pool.
AGENT: {tool}, as an agent, rebalanced the routing rules itself and picked the drained pool as the emptiest.
factor: Maintenance drains are not recorded where routing changes are made.
factor: Errors per region are not on the main dashboard.
lesson: A change should be checked against the live state of what it points at.
lesson: Maintenance must be visible to everyone who changes routing.
mitigation: reverting the routing rule
PREVENT: Refuse routing rules that target a pool with no healthy hosts
DETECT: Alarm on {service} error rate per region
PROCESS: Record maintenance drains in the change calendar
went well: Per-region error graphs pointed at the cause within minutes.
lucky: The other regions were untouched.

INFRA_CHANGE
title: {service} pods evicted during node pool rotation
title: {service} unavailable after cluster upgrade
cause: An infrastructure change ({change}) rotated the node pool under **{service}** without honouring its disruption budget; all replicas restarted at once.
why: Why did **{service}** stop serving? All of its replicas restarted at the same time.
why: Why at the same time? The node rotation ignored the disruption budget.
why: Why was it ignored? The rotation used a forced drain.
why: Why forced? A stuck pod had blocked an earlier rotation, and forcing became the habit.
why: Why was the stuck pod not fixed? Nobody owns the rotation runbook.
ai why: Why was a forced drain used? Because {aiAction}, and forcing was the quickest way past a stuck pod.
ASSISTED: {tool} suggested adding the force flag to the drain command to get past a stuck pod; the operator accepted it.
GENERATED: {tool} generated the rotation script, with a forced drain, and the operator ran it as written.
AGENT: {tool}, as an agent, ran the node rotation itself and forced the drain when a pod would not leave.
factor: The rotation ran in the daytime, at full traffic.
factor: The {service} replicas all sat in one node pool.
lesson: Disruption budgets only help if nothing is allowed to skip them.
lesson: Infrastructure changes need a canary too.
mitigation: restoring the previous node pool
PREVENT: Forbid forced drains in the node rotation tooling
PREVENT: Spread {service} replicas over two node pools
PROCESS: Give the node rotation runbook an owner
went well: The old node pool was still there, so the way back was quick.
lucky: The rotation reached {service} before the busier services.

INFRA_CHANGE
title: Load balancer change dropped {service} traffic
title: {service} unreachable after listener replacement
cause: A load balancer listener was replaced in {change}; the new one pointed at an empty target group, so **{service}** received no traffic.
why: Why was **{service}** unreachable? Its load balancer sent traffic to an empty target group.
why: Why was the group empty? The new listener was created before the targets were registered.
why: Why in that order? The change ran its steps in parallel.
why: Why did nothing stop it? There is no health check on a listener before it takes traffic.
ai why: Why did the steps run in parallel? Because {aiAction}, and the order of the steps was lost.
ASSISTED: {tool} suggested collapsing the change into one template; the author accepted it and the steps lost their order.
GENERATED: {tool} generated the infrastructure template with no dependency between the listener and its targets.
AGENT: {tool}, as an agent, replaced the listener itself and moved on before the targets had registered.
factor: The infrastructure change had no plan review.
factor: Synthetic checks of {service} run only every ten minutes.
lesson: Infrastructure templates need explicit ordering, not luck.
lesson: Check a new path before sending customers to it.
mitigation: restoring the previous listener
PREVENT: Require plan review for load balancer changes
DETECT: Run the {service} synthetic check every minute
MITIGATE: Keep the previous listener for an hour after a replacement
went well: The previous listener's settings were in version control.
lucky: A second load balancer still served part of the traffic.

INFRA_CHANGE
title: DNS change made {service} unreachable
title: {service} unreachable after DNS record update
cause: A DNS change ({change}) replaced the record of **{service}** with one pointing at a retired address; clients failed to connect until caches expired.
why: Why could clients not reach **{service}**? Its name resolved to a retired address.
why: Why did it resolve there? The DNS change copied the record from an old inventory.
why: Why was the inventory old? Addresses are kept in two places that drift apart.
why: Why did the impact last? The record had a one-hour TTL, so the revert took a while to reach clients.
ai why: Why was the old inventory used? Because {aiAction}, from the first inventory it found.
ASSISTED: {tool} suggested the record value from an old inventory file; the author accepted it.
GENERATED: {tool} generated the DNS change from the old inventory file.
AGENT: {tool}, as an agent, updated the DNS records itself from the first inventory it found.
factor: DNS changes are not reviewed by the owning team.
factor: The TTL of {service}'s record was an hour.
lesson: One source of truth for addresses.
lesson: Lower TTLs before changing a record.
mitigation: restoring the previous DNS record
PREVENT: Generate DNS records from the service registry only
MITIGATE: Lower the TTL of {service} records to one minute
PROCESS: Ask the owning team to review DNS changes to {service}
went well: The previous record was known and restored in minutes.
lucky: Many clients had the old address cached.
`);
