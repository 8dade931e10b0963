using System.Text;
using System.Text.RegularExpressions;
using CampaignMonitor.Core.Send;
using Xunit;

namespace CampaignMonitor.Core.Tests;

/// <summary>
/// The address check reads characters itself (it runs for every row); it must agree with the regular expression it
/// replaced on every input, odd ones above all.
/// </summary>
public class EmailRuleTests
{
    private static readonly Regex Reference = new(
        @"^[^\s@""(),:;<>\[\]\\\p{C}]+@(?:[^\s@""(),:;<>\[\]\\\p{C}.]+\.)+[^\s@""(),:;<>\[\]\\\p{C}.]{2,}$",
        RegexOptions.CultureInvariant);

    private static bool Expected(string email) =>
        email.Length <= 254 && !email.Contains("..", StringComparison.Ordinal) && !email.StartsWith('.') && !email.Contains(".@", StringComparison.Ordinal)
        && Reference.IsMatch(email);

    [Theory]
    [InlineData("ann@example.com", true)]
    [InlineData("josé@exämple.com", true)]
    [InlineData("a.b+tag@sub.example.co", true)]
    [InlineData("a@b", false)]
    [InlineData("a@b.c", false)]
    [InlineData(".a@example.com", false)]
    [InlineData("a.@example.com", false)]
    [InlineData("a..b@example.com", false)]
    [InlineData("a@example..com", false)]
    [InlineData("a@.example.com", false)]
    [InlineData("a@example.com.", false)]
    [InlineData("a@b@example.com", false)]
    [InlineData("Ann <ann@example.com>", false)]
    [InlineData("ctl\u0007@example.com", false)]
    [InlineData("nbsp\u00A0x@example.com", false)]
    [InlineData("zero\u200Bwidth@example.com", false)]
    [InlineData("emoji😀@example.com", false)]
    [InlineData("@example.com", false)]
    [InlineData("", false)]
    public void Agrees_with_the_expression_it_replaced(string email, bool wellFormed)
    {
        Assert.Equal(wellFormed, Expected(email));
        Assert.Equal(wellFormed, EmailRule.IsWellFormed(email));
    }

    [Fact]
    public void Agrees_with_the_expression_on_200000_random_addresses()
    {
        var pieces = new[] { "a", "b", "Z", "9", ".", "..", "@", "-", "_", "+", " ", "\t", "\"", "(", ")", ",", ":", ";", "<", ">", "[", "]", "\\",
            "é", "ß", "\u00A0", "\u2028", "\u200B", "\u0085", "\u007F", "\uE000", "😀", "\uFFFD", "xn--", "com", "example" };
        var random = new Random(20261130);
        var text = new StringBuilder();
        for (var n = 0; n < 200_000; n++)
        {
            text.Clear();
            var parts = random.Next(1, 12);
            for (var p = 0; p < parts; p++)
                text.Append(random.Next(4) == 0 ? "@" : pieces[random.Next(pieces.Length)]);
            if (random.Next(3) == 0)
                text.Append(".com");
            var email = text.ToString();
            Assert.True(Expected(email) == EmailRule.IsWellFormed(email), $"'{email}': the expression says {Expected(email)}");
        }
        Assert.True(EmailRule.IsWellFormed(new string('a', 242) + "@example.com"));
        Assert.False(EmailRule.IsWellFormed(new string('a', 243) + "@example.com"));
    }
}
