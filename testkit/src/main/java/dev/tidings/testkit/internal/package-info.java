/**
 * Implementation details of the Tidings testkit: broker configuration, storage formatting, port selection and broker
 * selection for the JUnit extension.
 *
 * <p>Nothing in this package is API. Its types are public only because {@code dev.tidings.testkit} uses them; they may
 * change in any release.
 */
package dev.tidings.testkit.internal;
