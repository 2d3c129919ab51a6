/** The implementation of the HTTP sink: request building, the retry loop, policies, auth and masking. */
package dev.tidings.http.sink.internal;
