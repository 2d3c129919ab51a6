/**
 * The configuration file: {@link dev.tidings.config.TidingsConfig} loads a YAML or {@code
 * .properties} file ({@code --config FILE}, {@code $TIDINGS_CONFIG} or {@code ./tidings.yaml}) with
 * environment overrides ({@code TIDINGS__TRANSPORT__TYPE=http}), and {@link
 * dev.tidings.config.ConfigSection} reads its sections with errors that name the key, the path and
 * the file.
 */
package dev.tidings.config;
