package cn.anshan.oversight.kit.http;

import jakarta.ws.rs.NameBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A read anyone may make without a token (PLT-12: parents look institutions and fees up): rate
 * limited per client address and cacheable ({@link PublicReads}). Only public facts go behind it.
 */
@NameBinding
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface PublicRead {}
