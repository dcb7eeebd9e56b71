package cn.anshan.oversight.registry.rest.staff;

import cn.anshan.oversight.registry.domain.staff.NationalIdNumbers;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** An 18-character resident ID number with a correct check character; null is left to @NotNull. */
@Target({
  ElementType.FIELD,
  ElementType.PARAMETER,
  ElementType.RECORD_COMPONENT,
  ElementType.METHOD
})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = NationalId.Validator.class)
public @interface NationalId {
  String message() default
      "must be an 18-character resident ID number with a correct check character";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  class Validator implements ConstraintValidator<NationalId, String> {
    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
      return value == null || NationalIdNumbers.isWellFormed(value);
    }
  }
}
