package org.tongxin.care;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** Care packages; their lines and deliveries are written by {@link DonationRepository}. */
@ApplicationScoped
public class CarePackageRepository implements PanacheRepositoryBase<CarePackage, UUID> {
}
