/** Fault-injection tests: kills, broker restarts, rebalances, slow handlers and poison under load. */
package dev.tidings.faults;
