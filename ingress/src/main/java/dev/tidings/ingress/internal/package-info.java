/**
 * The implementation of the ingress and the server: the Jetty handler that routes, authenticates,
 * admits and reads requests ({@link dev.tidings.ingress.internal.RootHandler}), the endpoints that
 * check and publish envelopes, the credentials file, limits, error bodies and the OpenAPI document.
 */
package dev.tidings.ingress.internal;
