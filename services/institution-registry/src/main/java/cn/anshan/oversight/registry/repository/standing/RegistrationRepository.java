package cn.anshan.oversight.registry.repository.standing;

import cn.anshan.oversight.registry.domain.standing.LegalRegistration;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class RegistrationRepository implements PanacheRepositoryBase<LegalRegistration, String> {}
