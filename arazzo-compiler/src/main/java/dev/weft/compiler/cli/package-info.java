/**
 * The command-line front end, {@code weft}: {@code check}, {@code generate} and {@code run}, on picocli; {@link
 * dev.weft.compiler.cli.Main} names the commands and maps failures to the documented exit statuses.
 */
package dev.weft.compiler.cli;
