package dev.weft.runtime;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The annotation that asks Weft's annotation processor to compile Arazzo documents into workflow classes.
 *
 * <p>Put it on a package ({@code package-info.java}) or a type; the processor generates one class per
 * workflow into {@link #packageName()}, or into the annotated element's package when that is empty.
 */
@Retention(RetentionPolicy.SOURCE)
@Target({ElementType.PACKAGE, ElementType.TYPE})
public @interface Arazzo {

    /**
     * Paths of the Arazzo documents to compile.
     *
     * @return the document paths, relative to the processor's root
     */
    String[] value();

    /**
     * Package of the generated classes.
     *
     * @return the package name, or {@code ""} for the annotated element's package
     */
    String packageName() default "";
}
