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
}
