package io.tally.domain.communication;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.tally.domain.communication.MergeTemplate.Parsed;
import io.tally.domain.portal.DemographicField;
import io.tally.domain.program.ValueTypeKey;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The merge syntax: table tests of rendering (text and HTML escaping), problems at parse, unknown fields. */
class MergeTemplateTest {
    private static final Map<String, String> VALUES = Map.of("customer.firstName", "Ada", "customer.lastName", "<b>O'Neil</b>",
            "balance Currency:USD", "12.50", "balance Points", "340", "location.name", "Downtown & Airport",
            "customer.cups", "3", "transaction.type", "issue", "brand.name", "Acme {{Coffee}}");
    private static final MergeFields FIELDS = MergeFields.of(List.of(new DemographicField("cups", "Cups a day",
            DemographicField.Type.NUMBER, false, List.of())), List.of(ValueTypeKey.currency("USD"), ValueTypeKey.points()));

    private static MergeTemplate parse(String text) {
        return assertInstanceOf(Parsed.Ok.class, MergeTemplate.parse(text)).template();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = "=>", quoteCharacter = '`', value = {
            "Hi {{customer.firstName}}!                      => Hi Ada!                           => Hi Ada!",
            "{{ customer.firstName }}{{customer.lastName}}   => Ada<b>O'Neil</b>                  => Ada&lt;b&gt;O&#39;Neil&lt;/b&gt;",
            "You have {{balance Currency:USD}} USD           => You have 12.50 USD                => You have 12.50 USD",
            "{{balance   Points}} points                     => 340 points                        => 340 points",
            "{{customer.phone | no phone}}                   => no phone                          => no phone",
            "{{customer.gender|}}.                           => .                                 => .",
            "At {{location.name}}                            => At Downtown & Airport             => At Downtown &amp; Airport",
            "{{customer.cups}} cups, {{transaction.type}}    => 3 cups, issue                     => 3 cups, issue",
            "{{brand.name}}                                  => Acme {{Coffee}}                   => Acme &#123;&#123;Coffee&#125;&#125;",
            "`no fields, { braces } and }} alone`            => `no fields, { braces } and }} alone` => `no fields, { braces } and }} alone`",
            "{{customer.firstName|<i>friend</i>}}            => Ada                               => Ada",
            "{{customer.email|<i>friend</i>}}                => <i>friend</i>                     => &lt;i&gt;friend&lt;/i&gt;"})
    void fields_render_with_their_values_escaped_for_the_part(String template, String text, String html) {
        MergeTemplate t = parse(template.strip());
        assertEquals(text.strip(), t.render(VALUES, s -> s));
        assertEquals(html.strip(), t.render(VALUES, MergeTemplate::html));
        assertEquals(List.of(), t.unknown(FIELDS));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = "=>", value = {
            "Hello {{customer.firstName                => a merge field opened with {{ is not closed with }}",
            "Hello {{}}                                => {{}} is not a merge field",
            "Hello {{ | fallback only}}                => {{ | fallback only}} is not a merge field"})
    void broken_syntax_is_a_problem(String template, String problem) {
        assertEquals(List.of(problem.strip()), assertInstanceOf(Parsed.Problems.class,
                MergeTemplate.parse(template.strip())).problems());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = "=>", value = {
            "{{customer.shoeSize}}                     => customer.shoeSize",
            "{{balance Currency:EUR}}                  => balance Currency:EUR",
            "{{balance points}}                        => balance points",
            "{{firstName}} and {{customer.firstName}}  => firstName",
            "{{card.pin}}                              => card.pin"})
    void fields_the_brand_has_not_are_unknown(String template, String unknown) {
        assertEquals(List.of(unknown.strip()), parse(template.strip()).unknown(FIELDS));
    }
}
