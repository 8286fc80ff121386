// Stories of failures with no change of ours behind them: providers, load, hardware, attacks,
// and the ones whose cause is still unknown.
import type { Story } from "./stories";
import { storiesOf } from "./story-text";

export const OTHER_STORIES: readonly Story[] = storiesOf(`
DEPENDENCY
title: {service} degraded by upstream provider errors
title: Provider outage degraded {capability}
cause: An upstream provider returned errors for a share of calls. **{service}** retried without backoff, amplifying the load and degrading {capability}.
why: Why did {capability} degrade? Calls from **{service}** to a provider failed.
why: Why did the failures spread? Retries had no backoff or budget, so the load grew.
why: Why was there no fallback? The provider was assumed to be always available.
why: Why was that assumption not tested? There is no regular dependency failure test.
factor: The provider's status page showed green for the first twenty minutes.
factor: Retry settings of {service} were copied from an internal client.
lesson: Every dependency fails sometimes: plan the fallback before it does.
lesson: Retries without a budget turn a blip into an outage.
mitigation: failing over to the secondary provider
MITIGATE: Add retry budget and backoff to {service} clients
PREVENT: Run a provider failure drill for {service} every quarter
DETECT: Alarm on provider error rate as seen from {service}
went well: The secondary provider took the traffic as soon as we switched.
lucky: The provider recovered soon after we failed over.

DEPENDENCY
title: {service} failing on expired partner certificate
title: Expired certificate broke {capability}
cause: A partner certificate expired. **{service}** refused the TLS handshake and {capability} failed for affected customers.
why: Why did {capability} fail? **{service}** could not open connections to a partner.
why: Why not? The partner's certificate had expired and the handshake was refused.
why: Why did we not know it would expire? Partner certificates are not in our expiry monitoring.
why: Why not? Monitoring covers only certificates we issue ourselves.
factor: The partner's renewal notice went to a mailbox nobody reads.
factor: The error message in {service}'s logs did not mention the certificate.
lesson: Watch the expiry of every certificate we depend on, not just ours.
lesson: Error messages should name the failing dependency.
mitigation: pinning the partner's renewed certificate
DETECT: Monitor expiry of partner certificates used by {service}
PROCESS: Send partner notices to the on-call team's address
went well: The partner issued a new certificate within the hour.
lucky: Only one partner's certificate was due.

CAPACITY
title: {service} saturated during traffic peak
title: Campaign traffic overwhelmed {service}
cause: A marketing campaign doubled traffic within minutes. **{service}** was scaled for the usual peak and its autoscaling reacted too slowly.
why: Why did **{service}** slow down? It ran out of capacity.
why: Why did it run out? Traffic doubled faster than autoscaling could add instances.
why: Why was it not scaled ahead? The campaign was not shared with the owning team.
why: Why not? There is no launch calendar that engineering reads.
factor: Autoscaling reacts to five-minute averages.
factor: The campaign started on a Friday evening.
lesson: Known peaks should be scaled for ahead, not reacted to.
lesson: Marketing and engineering need one calendar.
mitigation: scaling out and shedding low-priority traffic
PROCESS: Share the marketing launch calendar with on-call
MITIGATE: Add load shedding for low-priority {service} traffic
PREVENT: Scale {service} on one-minute request rates
went well: Shedding low-priority traffic protected checkout.
lucky: The campaign email went out in waves.

CAPACITY
title: {service} database connections exhausted
title: {service} stalled on exhausted connection pool
cause: A slow leak of database connections in **{service}** exhausted the pool after a week of uptime.
why: Why did **{service}** stall? Every database connection was in use.
why: Why were they all in use? A code path did not return its connection on error.
why: Why did it take a week to show? The leak was slow, and deploys used to restart the service.
why: Why did it show now? A quiet week with no deploys let it build up.
factor: Connection pool usage is graphed but has no alarm.
factor: The leak's code path is rarely hit.
lesson: Resource leaks hide behind frequent restarts.
lesson: Alarm on saturation before it is total.
mitigation: restarting the instances and raising the pool limit
PREVENT: Fix the connection leak on the {service} error path
DETECT: Alarm at 80 % connection pool use of {service}
went well: The stalled instances were spotted from the pool graph.
lucky: It happened in the morning, with the owning team at work.

HARDWARE
title: {service} degraded by failed storage volume
title: Storage failure in one zone degraded {service}
cause: A storage volume behind **{service}** degraded in one availability zone; failover took longer than designed.
why: Why did **{service}** degrade? A storage volume under it failed.
why: Why did failover take so long? The health check waited for three failures in a row.
why: Why three? The threshold was copied from a less critical service.
factor: The volume's latency had been rising for a day.
factor: Failover of {service} had not been drilled this year.
lesson: Failover only works as fast as its health check decides.
lesson: Drill failover, or it will not work when needed.
mitigation: failing over to a healthy zone
MITIGATE: Lower the failover threshold of {service} to one failed check
DETECT: Alarm on storage latency under {service}
PROCESS: Drill {service} zone failover every quarter
went well: Failover, once triggered, worked as designed.
lucky: Only one zone's volumes were affected.

HARDWARE
title: Host failures in one zone degraded {service}
title: {service} lost capacity to failing hosts
cause: A batch of hosts under **{service}** failed in one zone after a firmware fault; the remaining hosts could not carry the load.
why: Why did **{service}** degrade? A third of its hosts failed at once.
why: Why at once? They shared a firmware version with a known fault.
why: Why could the rest not carry the load? {service} runs with no spare capacity per zone.
factor: The firmware advisory was not matched against our fleet.
factor: Capacity planning assumes one host failure, not many.
lesson: Plan capacity for losing a zone, not a host.
lesson: Vendor advisories need to reach the teams that run the hosts.
mitigation: shifting traffic to the healthy zones
PREVENT: Keep one zone's worth of spare capacity for {service}
PROCESS: Match vendor firmware advisories against the fleet weekly
went well: Traffic shifting between zones worked at the first try.
lucky: The other zones had headroom that day.

SECURITY
title: Bot traffic surge degraded {capability}
title: {service} blocked legitimate traffic after WAF rule
cause: A credential-stuffing campaign sent ten times the usual traffic to **{service}**; the WAF rule added in response also blocked legitimate customers.
why: Why were customers blocked? A new WAF rule matched their traffic.
why: Why did it match? The rule was written against one attack sample.
why: Why was it not tested? Emergency rules skip the usual review.
factor: The attack came in at night, with one engineer on call.
factor: The WAF has no dry-run mode in use.
lesson: An emergency rule needs a dry run too.
lesson: Block the attack, not the customers: test rules on real traffic.
mitigation: narrowing the WAF rule
PREVENT: Run new WAF rules in count mode for ten minutes first
DETECT: Alarm on sign-in success rate of {service}
went well: The attack was recognised quickly from the traffic pattern.
lucky: The attackers' list held few valid passwords.

UNKNOWN
title: Intermittent {service} errors, cause unknown
title: {capability} errors spiked briefly
cause: Error rates of **{service}** rose and fell without a change in the window. The investigation is still open; no trigger has been found.
why: Why did errors rise? Not known yet.
why: Why is it not known? The logs of the window were sampled at 1 %.
why: Why so low a sample? Logging costs were cut last quarter without a review of the impact.
factor: Traces of {service} are kept for only a day.
factor: No change, deploy or provider event lines up with the errors.
lesson: Keep enough telemetry to explain an incident after it is over.
lesson: An unexplained incident is a debt: keep it open until explained.
mitigation: restarting the affected instances
DETECT: Raise {service} log sampling during error spikes
PROCESS: Keep {service} traces for seven days
went well: A restart ended the errors quickly.
lucky: It did not come back.
`);
