using OfferRules.Domain;

namespace OfferRules.Tests.Domain;

public sealed class DomainInvariantTests
{
    [Fact]
    public void With_UndefinedEnumValue_Throws()
    {
        var company = new CompanyContext();

        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => company with { SeatStatus = (SeatStatus)42 });

        Assert.Equal("SeatStatus", ex.ParamName);
    }

    [Fact]
    public void Init_BlankText_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => new Offer { Company = "   " });

        Assert.Equal("Company", ex.ParamName);
    }

    [Fact]
    public void With_TooLongText_Throws()
    {
        Assert.Throws<ArgumentException>(() => Candidate.Unknown with { Name = new string('x', 201) });
    }

    [Fact]
    public void With_NullPart_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => new OfferCase() with { Offer = null! });
    }

    [Fact]
    public void NewCase_Parts_AreUnknownNotNull()
    {
        var c = new OfferCase();

        Assert.Same(Offer.Unknown, c.Offer);
        Assert.Same(MissedContact.Unknown, c.MissedContact);
        Assert.Equal(CaseKind.DeclineWithdrawal, c.Kind);
    }

    [Fact]
    public void Equality_SameFacts_AreEqual()
    {
        var a = new DeclineEvent { Channel = DeclineChannel.Phone, DeclinedOn = new DateOnly(2025, 7, 1) };
        var b = new DeclineEvent { DeclinedOn = new DateOnly(2025, 7, 1), Channel = DeclineChannel.Phone };

        Assert.Equal(a, b);
        Assert.True(a == b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
    }

    [Fact]
    public void Equality_UnknownCompany_EqualsNewAndDefaultClosedDates()
    {
        var withDefault = new CompanyContext { ClosedDates = default };

        Assert.True(CompanyContext.Unknown == new CompanyContext());
        Assert.True(CompanyContext.Unknown == withDefault);
        Assert.False(withDefault.ClosedDates.IsDefault);
        Assert.Empty(withDefault.ClosedDates);
        Assert.Equal(CompanyContext.Unknown.GetHashCode(), withDefault.GetHashCode());
    }

    [Fact]
    public void Equality_SameClosedDatesInOtherArrays_AreEqual()
    {
        var a = new CompanyContext { ClosedDates = [new DateOnly(2026, 12, 28), new DateOnly(2027, 1, 4)] };
        var b = new CompanyContext { ClosedDates = [new DateOnly(2027, 1, 4), new DateOnly(2026, 12, 28), new DateOnly(2027, 1, 4)] };

        Assert.Equal(a, b);
        Assert.True(a == b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.Equal(new DateOnly[] { new(2026, 12, 28), new(2027, 1, 4) }, b.ClosedDates);
        Assert.NotEqual(a, a with { ClosedDates = [new DateOnly(2026, 12, 28)] });
        Assert.NotEqual(CompanyContext.Unknown, a);
    }

    [Theory]
    [InlineData(1899, 12, 31)]
    [InlineData(3000, 1, 1)]
    public void With_ClosedDateOutsideSupportedRange_Throws(int year, int month, int day)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => CompanyContext.Unknown with { ClosedDates = [new DateOnly(2026, 12, 28), new DateOnly(year, month, day)] });

        Assert.Equal("ClosedDates", ex.ParamName);
    }

    [Fact]
    public void Init_MoreThanThousandClosedDates_Throws()
    {
        var dates = Enumerable.Range(0, 1001).Select(i => new DateOnly(2026, 1, 1).AddDays(i)).ToArray();

        var ex = Assert.Throws<ArgumentException>(() => new CompanyContext { ClosedDates = [.. dates] });

        Assert.Equal("ClosedDates", ex.ParamName);
        Assert.Equal(1000, new CompanyContext { ClosedDates = [.. dates[..1000], .. dates[..1000]] }.ClosedDates.Length);
    }
}
