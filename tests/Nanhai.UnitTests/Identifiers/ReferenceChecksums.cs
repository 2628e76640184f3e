namespace Nanhai.UnitTests.Identifiers;

/// <summary>
/// Check characters computed from a plain re-statement of each standard, independent of the
/// implementation's weight tables, so tests can build valid identifiers.
/// </summary>
static class ReferenceChecksums
{
    /// <summary>
    /// GB 11643-1999 as ISO 7064 MOD 11-2: position p (1 = leftmost) has weight 2^(18−p) mod 11, the
    /// check character counts with weight 1 and X means 10, and the weighted sum of all 18 is 1 mod 11.
    /// </summary>
    public static string WithIdentityCheck(string first17)
    {
        Assert.Equal(17, first17.Length);
        var sum = 0;
        for (var p = 1; p <= 17; p++)
            sum += (first17[p - 1] - '0') * PowMod(2, 18 - p, 11);
        for (var check = 0; check <= 10; check++)
            if ((sum + check) % 11 == 1)
                return first17 + (check == 10 ? "X" : check.ToString());
        throw new InvalidOperationException("unreachable");
    }

    /// <summary>True when the 18 characters satisfy the MOD 11-2 condition above.</summary>
    public static bool IdentityChecksumHolds(string number)
    {
        var sum = 0;
        for (var p = 1; p <= 18; p++)
            sum += (number[p - 1] == 'X' ? 10 : number[p - 1] - '0') * PowMod(2, 18 - p, 11);
        return sum % 11 == 1;
    }

    public const string CreditCodeAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    /// <summary>GB 32100-2015: the check character c makes Σ value(i)·3^i + value(c) ≡ 0 (mod 31).</summary>
    public static string WithCreditCodeCheck(string first17)
    {
        Assert.Equal(17, first17.Length);
        var sum = 0;
        for (var i = 0; i < 17; i++)
            sum += CreditCodeAlphabet.IndexOf(first17[i]) * PowMod(3, i, 31);
        for (var check = 0; check < 31; check++)
            if ((sum + check) % 31 == 0)
                return first17 + CreditCodeAlphabet[check];
        throw new InvalidOperationException("unreachable");
    }

    /// <summary>GB 11714: the 9th character of an organisation code for an 8-character body.</summary>
    public static string WithOrganisationCodeCheck(string body8)
    {
        int[] weights = [3, 7, 9, 10, 5, 8, 4, 2];
        var sum = 0;
        for (var i = 0; i < 8; i++)
            sum += (char.IsDigit(body8[i]) ? body8[i] - '0' : body8[i] - 'A' + 10) * weights[i];
        var check = 11 - sum % 11;
        return body8 + (check == 10 ? "X" : check == 11 ? "0" : check.ToString());
    }

    /// <summary>A credit code with a correct embedded organisation code and a correct check character.</summary>
    public static string CreditCode(string authorityAndType, string division, string organisationBody8) =>
        WithCreditCodeCheck(authorityAndType + division + WithOrganisationCodeCheck(organisationBody8));

    static int PowMod(int b, int e, int m)
    {
        var r = 1;
        for (var k = 0; k < e; k++)
            r = r * b % m;
        return r;
    }
}
