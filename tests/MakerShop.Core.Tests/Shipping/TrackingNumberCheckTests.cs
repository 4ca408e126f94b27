namespace MakerShop.Core.Tests.Shipping;

public sealed class TrackingNumberCheckTests
{
    // Real numbers whose check digits were recomputed by hand in fulfilment.md §4.3.
    public static TheoryData<TrackingNumberFormat, string> ValidNumbers => new()
    {
        { TrackingNumberFormat.UpuS10, "RR287043775IN" },   // S mod 11 = 0, so the check digit is 5
        { TrackingNumberFormat.UpuS10, "AA473124829GB" },
        { TrackingNumberFormat.UpuS10, "RB123456785GB" },
        { TrackingNumberFormat.Ups, "1Z999AA10123456784" },
        { TrackingNumberFormat.Usps, "9400111206206406260787" },
        { TrackingNumberFormat.Usps, "03071790000523483741" },
        { TrackingNumberFormat.FedEx, "986578788855" },
        { TrackingNumberFormat.FedEx, "041441760228964" },
        { TrackingNumberFormat.DhlExpress, "3318810025" },

        // Formats carriers print that the check once refused (real numbers from jkeen/tracking_number_data, whose
        // check digits were recomputed here): USPS IMpb behind its 420 + ZIP or ZIP+4 routing code and the 26-digit
        // IMpb, FedEx Ground's 22-digit "96" barcode, and DHL Express waybills of 10 and 11 digits.
        { TrackingNumberFormat.Usps, "420221539101026837331000039521" },
        { TrackingNumberFormat.Usps, "4201002334249200190132607600833457" },
        { TrackingNumberFormat.Usps, "4201028200009261290113185417468510" },
        { TrackingNumberFormat.Usps, "92748931507708513018050063" },
        { TrackingNumberFormat.FedEx, "9611020987654312345672" },
        { TrackingNumberFormat.DhlExpress, "73891051146" },
        { TrackingNumberFormat.DhlExpress, "8487135506" },
    };

    [Theory]
    [MemberData(nameof(ValidNumbers))]
    public void A_real_number_passes_its_carriers_check(TrackingNumberFormat format, string number)
    {
        Assert.Null(TrackingNumberCheck.Problem(format, number));
    }

    [Theory]
    [MemberData(nameof(ValidNumbers))]
    public void Every_other_check_digit_is_rejected(TrackingNumberFormat format, string number)
    {
        var checkAt = format == TrackingNumberFormat.UpuS10 ? 10 : number.Length - 1;
        foreach (var digit in "0123456789".Where(d => d != number[checkAt]))
        {
            var changed = number[..checkAt] + digit + number[(checkAt + 1)..];
            Assert.False(TrackingNumberCheck.IsValid(format, changed), $"{changed} should fail the {format} check");
        }
    }

    // S10 numbers whose check digit is 5 are left out: S10 folds both "11 - 6" and "11 - 0" to 5, so some one-digit
    // changes of those serials keep a valid check digit (see the blind-spot test below).
    [Theory]
    [InlineData(TrackingNumberFormat.UpuS10, "AA473124829GB")]
    [InlineData(TrackingNumberFormat.Ups, "1Z999AA10123456784")]
    [InlineData(TrackingNumberFormat.Usps, "9400111206206406260787")]
    [InlineData(TrackingNumberFormat.Usps, "03071790000523483741")]
    [InlineData(TrackingNumberFormat.FedEx, "986578788855")]
    [InlineData(TrackingNumberFormat.FedEx, "041441760228964")]
    [InlineData(TrackingNumberFormat.DhlExpress, "3318810025")]
    [InlineData(TrackingNumberFormat.DhlExpress, "73891051146")]
    [InlineData(TrackingNumberFormat.Usps, "92748931507708513018050063")]
    public void Raising_any_one_serial_digit_by_one_is_rejected(TrackingNumberFormat format, string number)
    {
        var checkAt = format == TrackingNumberFormat.UpuS10 ? 10 : number.Length - 1;
        var changes = 0;
        for (var i = 0; i < checkAt; i++)
        {
            if (!char.IsAsciiDigit(number[i]) || (format == TrackingNumberFormat.Ups && i < 2))
            {
                continue;
            }

            var changed = number[..i] + (char)('0' + ((number[i] - '0' + 1) % 10)) + number[(i + 1)..];
            Assert.False(TrackingNumberCheck.IsValid(format, changed), $"{changed} should fail the {format} check");
            changes++;
        }

        Assert.True(changes >= 8);
    }

    [Fact]
    public void The_briefs_made_up_S10_example_is_rejected_and_its_corrected_form_accepted()
    {
        Assert.Equal("The S10 check digit should be 5, not 9.", TrackingNumberCheck.Problem(TrackingNumberFormat.UpuS10, "AA123456789GB"));
        Assert.True(TrackingNumberCheck.IsValid(TrackingNumberFormat.UpuS10, "AA123456785GB"));
    }

    [Fact]
    public void S10_cannot_tell_apart_serials_whose_check_digits_both_fold_to_5()
    {
        // 12345678 sums to 204 (mod 11 = 6, check 5); 12345778 sums to 209 (mod 11 = 0, check 11 -> 5). The standard
        // accepts both, so the shop must too: the check catches typos, it does not prove a number exists.
        Assert.True(TrackingNumberCheck.IsValid(TrackingNumberFormat.UpuS10, "RB123456785GB"));
        Assert.True(TrackingNumberCheck.IsValid(TrackingNumberFormat.UpuS10, "RB123457785GB"));
    }

    [Fact]
    public void An_S10_number_must_end_in_a_real_country_code()
    {
        Assert.Equal("'XX' is not a country code of an issuing post.", TrackingNumberCheck.Problem(TrackingNumberFormat.UpuS10, "RB123456785XX"));
    }

    [Fact]
    public void Spaces_and_lower_case_as_typed_off_a_label_are_accepted()
    {
        Assert.True(TrackingNumberCheck.IsValid(TrackingNumberFormat.Ups, "1z 999 aa1 0123 4567 84"));
        Assert.Equal("1Z999AA10123456784", TrackingNumberCheck.Normalise(" 1z 999 aa1 0123 4567 84 "));
    }

    [Theory]
    [InlineData(TrackingNumberFormat.Ups, "986578788855")]
    [InlineData(TrackingNumberFormat.DhlExpress, "1Z999AA10123456784")]
    [InlineData(TrackingNumberFormat.FedEx, "3318810025")]
    [InlineData(TrackingNumberFormat.Usps, "RR287043775IN")]
    [InlineData(TrackingNumberFormat.UpuS10, "")]
    public void A_number_in_another_carriers_format_is_rejected_with_a_reason(TrackingNumberFormat format, string number)
    {
        Assert.NotNull(TrackingNumberCheck.Problem(format, number));
    }

    [Theory]
    [InlineData("420221539101026837331000039521", 8)]
    [InlineData("4201002334249200190132607600833457", 12)]
    public void A_USPS_number_behind_a_routing_code_is_checked_on_its_IMpb_alone(string number, int routingLength)
    {
        // The ZIP routes the parcel; it has no check digit, so any ZIP passes and any change to the IMpb fails.
        var otherZip = "420" + new string('7', routingLength - 3) + number[routingLength..];
        Assert.True(TrackingNumberCheck.IsValid(TrackingNumberFormat.Usps, otherZip));
        Assert.True(TrackingNumberCheck.IsValid(TrackingNumberFormat.Usps, number[routingLength..]));
        for (var i = routingLength; i < number.Length - 1; i++)
        {
            var changed = number[..i] + (char)('0' + ((number[i] - '0' + 1) % 10)) + number[(i + 1)..];
            Assert.False(TrackingNumberCheck.IsValid(TrackingNumberFormat.Usps, changed), $"{changed} should fail the USPS check");
        }
    }

    [Fact]
    public void A_FedEx_96_barcode_is_checked_on_its_package_number_and_says_which_digit_it_expected()
    {
        Assert.Equal("The FedEx check digit should be 2, not 3.", TrackingNumberCheck.Problem(TrackingNumberFormat.FedEx, "9611020987654312345673"));
        for (var i = 7; i < 21; i++)
        {
            var changed = "9611020987654312345672"[..i] + (char)('0' + (("9611020987654312345672"[i] - '0' + 1) % 10)) + "9611020987654312345672"[(i + 1)..];
            Assert.False(TrackingNumberCheck.IsValid(TrackingNumberFormat.FedEx, changed), $"{changed} should fail the FedEx check");
        }
    }

    [Theory]
    [InlineData(TrackingNumberFormat.FedEx, "9711020987654312345672")]
    [InlineData(TrackingNumberFormat.Usps, "421221539101026837331000039521")]
    [InlineData(TrackingNumberFormat.Usps, "4202215391010268373310000395210")]
    [InlineData(TrackingNumberFormat.DhlExpress, "738910511460")]
    [InlineData(TrackingNumberFormat.DhlExpress, "331881002")]
    public void A_number_of_the_new_lengths_without_its_prefix_or_of_another_length_is_refused(TrackingNumberFormat format, string number)
    {
        Assert.NotNull(TrackingNumberCheck.Problem(format, number));
    }
}
