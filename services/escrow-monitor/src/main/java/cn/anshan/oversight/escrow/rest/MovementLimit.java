package cn.anshan.oversight.escrow.rest;

import cn.anshan.oversight.escrow.config.EscrowSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Provider;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * REL-13: a bank-reported amount no larger than {@code oversight.escrow.bank.max-movement-fen} — a
 * {@code @Max} whose bound comes from configuration.
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = MovementLimit.Validator.class)
public @interface MovementLimit {
  String message() default "REL-13: larger than one bank movement may be";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  /**
   * A bean, so the bound is read from configuration; lazily, because Hibernate Validator creates it
   * at static init, before configuration mappings exist.
   */
  @ApplicationScoped
  class Validator implements ConstraintValidator<MovementLimit, Long> {
    private final Provider<EscrowSettings> settings;

    public Validator(Provider<EscrowSettings> settings) {
      this.settings = settings;
    }

    @Override
    public boolean isValid(Long fen, ConstraintValidatorContext context) {
      long max = settings.get().bank().maxMovementFen();
      if (fen == null || fen <= max) {
        return true;
      }
      context.disableDefaultConstraintViolation();
      context
          .buildConstraintViolationWithTemplate(
              "REL-13: at most " + max + " fen in one bank movement (large fund movements)")
          .addConstraintViolation();
      return false;
    }
  }
}
