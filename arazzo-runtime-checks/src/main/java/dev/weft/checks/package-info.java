/**
 * Opt-in run-time checks of responses against their OpenAPI description, with Redocly respect's check names:
 * {@link dev.weft.checks.ResponseChecks}, a {@link dev.weft.runtime.ResponseInspector} for
 * {@code ArazzoClient.builder().responseInspector(...)} and {@code weft run --check}.
 */
package dev.weft.checks;
