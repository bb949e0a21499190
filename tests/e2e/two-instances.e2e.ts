import { describeTwoInstances } from './support/two-instance-checks';
import { firstInstance, startSecondInstance } from './support/second-instance';

// Two production servers of one build on one database (issue 5, part 2), side by side: A is the
// suite's own server, B a second one started here with the same settings. The same checks run
// behind nginx and PgBouncer in two-instances-proxied.e2e.ts.
describeTwoInstances('two instances on one database behave as one', async () => {
  const b = await startSecondInstance();
  return { a: firstInstance(), b, bystanders: [], stop: b.stop };
});
