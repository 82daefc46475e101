import { hpagentFactory, type AgentFactory } from '../../src/http/proxy.js';

/** A proxy agent factory that builds the real agents and records each one built and destroyed. */
export function countingAgents(): { built: object[]; destroyed: object[]; factory: AgentFactory } {
  const built: object[] = [];
  const destroyed: object[] = [];
  const factory: AgentFactory = (protocol, options) => {
    const agents = hpagentFactory(protocol, options);
    for (const agent of [agents.http, agents.https]) {
      if (!agent) continue;
      built.push(agent);
      const destroy = agent.destroy.bind(agent);
      agent.destroy = () => {
        destroyed.push(agent);
        destroy();
      };
    }
    return agents;
  };
  return { built, destroyed, factory };
}
