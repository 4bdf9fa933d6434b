using OfferRules.Serialization;

namespace OfferRules.Tests.Serialization;

/// <summary>The loader's paths: segments kept until a JSON Pointer (RFC 6901) is needed.</summary>
public sealed class JsonPathTests
{
    [Fact]
    public void ToString_Root_IsEmpty()
    {
        Assert.Equal(string.Empty, JsonPath.Root().ToString());
        Assert.True(JsonPath.Root().IsRoot);
    }

    [Fact]
    public void ToString_NamesAndIndexes_AreJoinedWithTildeAndSlashEscaped()
    {
        var path = JsonPath.Root().Child("policies").Child(0).Child("a/b~c").Child(12_345).Child(string.Empty);

        Assert.Equal("/policies/0/a~1b~0c/12345/", path.ToString());
    }

    [Fact]
    public void ToString_SiblingsMadeOneAfterTheOther_KeepTheirOwnSegments()
    {
        var rules = JsonPath.Root().Child("policies").Child(1).Child("rules");
        var first = rules.Child(0);
        var firstWhen = first.Child("when").Child("all").Child(3);
        Assert.Equal("/policies/1/rules/0/when/all/3", firstWhen.ToString());

        var second = rules.Child(1);
        var secondMessages = second.Child("messages").Child("fired");

        Assert.Equal("/policies/1/rules/1/messages/fired", secondMessages.ToString());
        Assert.Equal("/policies/1/rules/0", first.ToString());
        Assert.Equal("/policies/1/rules/1", second.ToString());
        Assert.Equal("/policies/1/rules", rules.ToString());
    }

    [Fact]
    public void ToString_PathDeeperThanTheFirstStack_IsWhole()
    {
        var path = JsonPath.Root();
        for (var i = 0; i < 40; i++)
        {
            path = path.Child("not");
        }

        Assert.Equal(string.Concat(Enumerable.Repeat("/not", 40)), path.ToString());
    }
}
