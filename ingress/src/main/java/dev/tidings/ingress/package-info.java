/**
 * The HTTP ingress and the HTTP server of Tidings: {@link dev.tidings.ingress.Ingress} publishes
 * validated envelopes sent over HTTP through an application's publisher, answering only after the
 * broker stored them; {@link dev.tidings.ingress.TidingsHttpServer} is the Jetty 12 server that
 * carries it together with other routes (the worker's health and metrics, documentation pages,
 * request/reply).
 */
package dev.tidings.ingress;
