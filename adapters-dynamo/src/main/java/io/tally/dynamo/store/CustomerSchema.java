package io.tally.dynamo.store;

import io.tally.domain.card.Customer;
import java.time.LocalDate;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticImmutableTableSchema;

/** A customer as a nested document (cards, enrollment records); absent fields are left out. */
final class CustomerSchema {

    static final StaticImmutableTableSchema<Customer, ItemValues> SCHEMA = ItemSchema.of(Customer.class, CustomerSchema::customer)
            .string("firstName", Customer::firstName)
            .string("lastName", Customer::lastName)
            .string("email", Customer::email)
            .string("phone", Customer::phone)
            .string("address1", Customer::address1)
            .string("address2", Customer::address2)
            .string("city", Customer::city)
            .string("state", Customer::state)
            .string("postal", Customer::postal)
            .string("country", Customer::country)
            .string("birthDate", c -> c.birthDate() == null ? null : c.birthDate().toString())
            .string("gender", Customer::gender)
            .string("addressPoint", c -> c.addressPoint() == null ? null : GeoText.format(c.addressPoint()))
            .build();

    private CustomerSchema() {
    }

    private static Customer customer(ItemValues v) {
        return new Customer(v.optString("firstName").orElse(null), v.optString("lastName").orElse(null),
                v.optString("email").orElse(null), v.optString("phone").orElse(null), v.optString("address1").orElse(null),
                v.optString("address2").orElse(null), v.optString("city").orElse(null), v.optString("state").orElse(null),
                v.optString("postal").orElse(null), v.optString("country").orElse(null),
                v.optString("birthDate").map(LocalDate::parse).orElse(null), v.optString("gender").orElse(null),
                v.optString("addressPoint").map(GeoText::parse).orElse(null));
    }
}
