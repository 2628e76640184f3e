using System.Numerics;
using System.Text;
using Nanhai.Domain.Identifiers;

namespace Nanhai.Application.Catalog.DemoData;

/// <summary>
/// Synthetic residents for the resource 实有人口 (户籍人口/实有人口), seeded and deterministic: the same seed gives the same
/// rows on every machine and runtime (its own random generator, no <see cref="Random"/>, no clock). Every row is valid:
/// a GB 11643 identity number issued in Nanhai (440605, or 440682 for births up to 2002, the county-level city's code;
/// domain/nanhai-reference.md) with the right check character (ARCHITECTURE §7), the sex its sequence code gives, a
/// Chinese name — once in a while with a character GB18030 writes in four bytes (𠈓, 㛃, 𡒄), so that a GB18030 dump has
/// those sequences —, an address in one of Nanhai's seven towns, ethnicity, a mobile number (some empty) and a
/// registration date. Identity numbers do not repeat within the first ~60 million rows (about 7 GB of GB18030 CSV).
/// No field holds a comma, a quote or a line break, so the CSV needs no quoting.
/// </summary>
public static class SyntheticResidents
{
    /// <summary>The header: the resource's data items by their Chinese labels, in file order.</summary>
    public static IReadOnlyList<string> Columns { get; } = ["公民身份号码", "姓名", "性别", "出生日期", "民族", "户籍地址", "所属镇街", "联系电话", "登记日期"];

    /// <summary>What <see cref="WriteCsv"/> or <see cref="WriteCsvRows"/> wrote: rows (header not counted) and bytes.</summary>
    public readonly record struct Written(long Rows, long Bytes);

    /// <summary>The first <paramref name="count"/> rows for <paramref name="seed"/>, one value per column: the same rows the CSV of that seed begins with.</summary>
    public static IEnumerable<string[]> Rows(int count, int seed)
    {
        var generator = new Generator(seed);
        var row = new char[Generator.MaxRowLength];
        for (var i = 0; i < count; i++)
            yield return new string(row, 0, generator.WriteRow(row)).Split(',');
    }

    /// <summary>
    /// Writes the header and rows in <paramref name="encoding"/> (no byte-order mark, CRLF line ends as Windows exports
    /// have) until at least <paramref name="targetBytes"/> bytes are written; it stops at the end of a block of rows, so
    /// the file is at most one block (64 K characters, ~128 KB of GB18030) longer than asked.
    /// </summary>
    public static Written WriteCsv(Stream output, Encoding encoding, long targetBytes, int seed, CancellationToken cancellationToken = default) =>
        Write(output, encoding, targetBytes, long.MaxValue, seed, cancellationToken);

    /// <summary>
    /// A small CSV of the first <paramref name="rows"/> rows in <paramref name="encoding"/> (with its byte-order mark, if it
    /// has one), each row passed through <paramref name="alter"/> (row, index) first: demo dumps and tests break some rows.
    /// </summary>
    public static byte[] Csv(int rows, int seed, Encoding encoding, Func<string[], int, string[]>? alter = null)
    {
        var text = new StringBuilder(string.Join(',', Columns)).Append("\r\n");
        var index = 0;
        foreach (var row in Rows(rows, seed))
            text.AppendJoin(',', alter?.Invoke(row, index++) ?? row).Append("\r\n");
        return [.. encoding.GetPreamble(), .. encoding.GetBytes(text.ToString())];
    }

    /// <summary>Writes the header and exactly <paramref name="rows"/> rows in <paramref name="encoding"/>, as <see cref="WriteCsv"/> does.</summary>
    public static Written WriteCsvRows(Stream output, Encoding encoding, long rows, int seed, CancellationToken cancellationToken = default) =>
        Write(output, encoding, long.MaxValue, rows, seed, cancellationToken);

    // Rows are built as chars and encoded a block at a time: the encoder, not the row building, is what costs
    // (GB18030 in System.Text.Encoding.CodePages encodes ~150 MB/s on one core).
    const int BlockChars = 64 * 1024;

    static Written Write(Stream output, Encoding encoding, long maxBytes, long maxRows, int seed, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxBytes);
        ArgumentOutOfRangeException.ThrowIfNegative(maxRows);
        var encoder = encoding.GetEncoder();
        var chars = new char[BlockChars];
        var bytes = new byte[encoding.GetMaxByteCount(BlockChars)];
        var generator = new Generator(seed);
        long rows = 0, written = 0;

        var header = string.Join(',', Columns) + "\r\n";
        header.CopyTo(chars);
        var used = header.Length;
        while (true)
        {
            while (rows < maxRows && used <= BlockChars - Generator.MaxRowLength - 2)
            {
                used += generator.WriteRow(chars.AsSpan(used));
                chars[used++] = '\r';
                chars[used++] = '\n';
                rows++;
            }
            var count = encoder.GetBytes(chars.AsSpan(0, used), bytes, flush: false);
            output.Write(bytes, 0, count);
            written += count;
            used = 0;
            if (rows == maxRows || written >= maxBytes) break;
            cancellationToken.ThrowIfCancellationRequested();
        }
        var tail = encoder.GetBytes([], bytes, flush: true);
        output.Write(bytes, 0, tail);
        return new Written(rows, written + tail);
    }

    /// <summary>The row source: identity numbers from a seeded permutation (so they do not repeat), the rest drawn at random.</summary>
    sealed class Generator
    {
        /// <summary>Longer than any row this generator writes (about 130 characters at most), without its line end.</summary>
        public const int MaxRowLength = 256;

        static readonly DateOnly FirstBirth = new(1930, 1, 1);
        // Numbers with 440605 are issued for births up to 2020; 440682 only to people registered while Nanhai was a
        // county-level city (until 2002).
        static readonly int DistrictDays = new DateOnly(2020, 12, 31).DayNumber - FirstBirth.DayNumber + 1;
        static readonly int CityDays = new DateOnly(2002, 12, 31).DayNumber - FirstBirth.DayNumber + 1;
        const int Sequences = 1000;
        static readonly long Space = (long)(DistrictDays + CityDays) * Sequences;
        static readonly DateOnly FirstRegistration = new(2000, 1, 1);
        static readonly DateOnly LastRegistration = new(2025, 12, 31);

        // The identity numbers are a seeded permutation of (birth date, division code, sequence code) over the row
        // number: a bijective mix of 26-bit numbers, applied again to any result past the space (cycle walking).
        const int PermutationBits = 26;
        const long PermutationMask = (1L << PermutationBits) - 1;

        Xoshiro random;
        readonly long key;
        long index;

        public Generator(int seed)
        {
            random = new Xoshiro((ulong)(uint)seed);
            key = random.NextLong(PermutationMask + 1);
        }

        long NextIdentity()
        {
            var identity = index++ % Space;
            do identity = Mix(identity); while (identity >= Space);
            return identity;
        }

        /// <summary>A bijection on 0..2²⁶−1: xor with the seed's key, then multiply by odd numbers and xor-shift (each step invertible).</summary>
        long Mix(long x)
        {
            x ^= key;
            x = x * 0x2F6B9D5 & PermutationMask;
            x ^= x >> 13;
            x = x * 0x1D8E4E7 & PermutationMask;
            x ^= x >> 11;
            x = x * 0x3A9C5B1 & PermutationMask;
            return x ^ x >> 15;
        }

        /// <summary>Writes the next row's nine values, comma-separated, into <paramref name="row"/>; returns its length.</summary>
        public int WriteRow(Span<char> row)
        {
            var identity = NextIdentity();
            var slot = (int)(identity % (DistrictDays + CityDays));
            var sequence = (int)(identity / (DistrictDays + CityDays));
            var birth = FirstBirth.AddDays(slot < DistrictDays ? slot : slot - DistrictDays);
            var male = sequence % 2 == 1; // GB 11643 §5.3: odd sequence code for men

            var at = 0;
            Append(row, ref at, slot < DistrictDays ? ResidentIdentityNumber.NanhaiDistrictCode : ResidentIdentityNumber.NanhaiCountyLevelCityCode);
            Digits(row, ref at, birth.Year, 4);
            Digits(row, ref at, birth.Month, 2);
            Digits(row, ref at, birth.Day, 2);
            Digits(row, ref at, sequence, 3);
            row[at] = ResidentIdentityNumber.ComputeCheckCharacter(row.Slice(at - 17, 17));
            at++;
            row[at++] = ',';

            Append(row, ref at, random.Next(100) == 0 ? Pick(Names.CompoundSurnames) : Surname());
            var given = male ? Names.MaleGiven : Names.FemaleGiven;
            if (random.Next(4) > 0) Append(row, ref at, Pick(given));
            Append(row, ref at, random.Next(200) == 0 ? Pick(Names.FourByteGiven) : Pick(given));
            row[at++] = ',';

            row[at++] = male ? '男' : '女';
            row[at++] = ',';
            Date(row, ref at, birth);
            row[at++] = ',';
            Append(row, ref at, random.Next(100) < 97 ? "汉族" : Pick(Places.Minorities));
            row[at++] = ',';

            var town = Places.Towns[Town()];
            Append(row, ref at, "广东省佛山市南海区");
            Append(row, ref at, town.Name);
            if (random.Next(2) == 0)
            {
                Append(row, ref at, Pick(town.Roads));
                Digits(row, ref at, 1 + random.Next(300), 0);
                row[at++] = '号';
                if (random.Next(3) > 0)
                {
                    Digits(row, ref at, 1 + random.Next(20), 0);
                    row[at++] = '座';
                    Digits(row, ref at, 1 + random.Next(32), 0);
                    Digits(row, ref at, 1 + random.Next(8), 2);
                    row[at++] = '房';
                }
            }
            else
            {
                Append(row, ref at, Pick(town.Villages));
                Digits(row, ref at, 1 + random.Next(30), 0);
                row[at++] = '巷';
                Digits(row, ref at, 1 + random.Next(60), 0);
                row[at++] = '号';
            }
            row[at++] = ',';
            Append(row, ref at, town.Name);
            row[at++] = ',';

            if (random.Next(100) >= 6) // some residents gave no number
            {
                row[at++] = '1';
                row[at++] = (char)('3' + random.Next(7));
                Digits(row, ref at, random.Next(1_000_000_000), 9);
            }
            row[at++] = ',';

            var from = birth > FirstRegistration ? birth : FirstRegistration;
            Date(row, ref at, from.AddDays(random.Next(LastRegistration.DayNumber - from.DayNumber + 1)));
            return at;
        }

        string Pick(string[] values) => values[random.Next(values.Length)];

        // Half the people carry one of the ten commonest surnames in Guangdong; the rest spread over the longer list.
        string Surname() => random.Next(2) == 0 ? Names.Surnames[random.Next(10)] : Pick(Names.Surnames);

        int Town()
        {
            var draw = random.Next(100);
            var index = 0;
            while (draw >= Places.TownShares[index]) draw -= Places.TownShares[index++];
            return index;
        }

        static void Append(Span<char> row, ref int at, string value)
        {
            value.CopyTo(row[at..]);
            at += value.Length;
        }

        static void Date(Span<char> row, ref int at, DateOnly date)
        {
            Digits(row, ref at, date.Year, 4);
            row[at++] = '-';
            Digits(row, ref at, date.Month, 2);
            row[at++] = '-';
            Digits(row, ref at, date.Day, 2);
        }

        /// <summary>Writes <paramref name="value"/> in decimal, zero-padded to <paramref name="width"/> digits (0: as many as it has).</summary>
        static void Digits(Span<char> row, ref int at, int value, int width)
        {
            var length = width;
            if (length == 0)
            {
                length = 1;
                for (var rest = value; rest >= 10; rest /= 10) length++;
            }
            for (var i = at + length - 1; i >= at; i--, value /= 10) row[i] = (char)('0' + value % 10);
            at += length;
        }
    }

    /// <summary>xoshiro256** (Blackman and Vigna), seeded by SplitMix64: small, fast, and the same everywhere.</summary>
    struct Xoshiro
    {
        ulong s0, s1, s2, s3;

        public Xoshiro(ulong seed)
        {
            s0 = SplitMix(ref seed);
            s1 = SplitMix(ref seed);
            s2 = SplitMix(ref seed);
            s3 = SplitMix(ref seed);
        }

        static ulong SplitMix(ref ulong state)
        {
            var z = state += 0x9E3779B97F4A7C15;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EB;
            return z ^ (z >> 31);
        }

        ulong NextULong()
        {
            var result = BitOperations.RotateLeft(s1 * 5, 7) * 9;
            var t = s1 << 17;
            s2 ^= s0;
            s3 ^= s1;
            s1 ^= s2;
            s0 ^= s3;
            s2 ^= t;
            s3 = BitOperations.RotateLeft(s3, 45);
            return result;
        }

        /// <summary>0 ≤ result &lt; <paramref name="bound"/> (multiply-shift; the bias is below 2⁻³² and does not matter here).</summary>
        public int Next(int bound) => (int)(((NextULong() >> 32) * (ulong)bound) >> 32);

        public long NextLong(long bound) => (long)(NextULong() % (ulong)bound);
    }

    static class Names
    {
        // Commonest first: 陈, 李, 黄, 梁, 何 … lead in Guangdong.
        public static readonly string[] Surnames =
        [
            "陈", "李", "黄", "梁", "何", "林", "张", "罗", "吴", "刘", "周", "郭", "冯", "邓", "杨", "谢", "麦", "区", "潘", "关",
            "卢", "叶", "苏", "钟", "谭", "曾", "伍", "彭", "朱", "郑", "胡", "徐", "孔", "简", "岑", "招", "霍", "邝", "植", "廖",
            "蔡", "赖", "温", "莫", "江", "崔", "石", "余", "欧", "甘", "庞", "龙", "姚", "袁", "杜", "冼", "严", "黎", "方", "马",
        ];

        public static readonly string[] CompoundSurnames = ["欧阳", "司徒", "司马", "上官", "诸葛"];

        public static readonly string[] MaleGiven =
        [
            "伟", "强", "俊", "杰", "浩", "志", "明", "国", "华", "锦", "健", "荣", "耀", "辉", "文", "家", "宇", "泽", "嘉", "德",
            "永", "建", "斌", "勇", "军", "涛", "鹏", "彬", "铭", "轩", "晖", "坤", "炜", "智", "昊", "霖", "锋", "振", "昌", "润",
        ];

        public static readonly string[] FemaleGiven =
        [
            "美", "玲", "婷", "丽", "芳", "敏", "静", "慧", "燕", "霞", "颖", "琳", "雪", "欣", "洁", "诗", "嘉", "思", "翠", "淑",
            "秀", "珍", "莉", "娟", "虹", "倩", "萍", "红", "佩", "怡", "晓", "碧", "凤", "月", "桂", "娴", "琪", "妍", "彤", "瑶",
        ];

        // Outside the BMP (𠈓 U+20213, 𡒄 U+21484: a surrogate pair in .NET) or in CJK Extension A (㛃 U+36C3): four bytes in GB18030.
        public static readonly string[] FourByteGiven = ["𠈓", "㛃", "𡒄"];
    }

    static class Places
    {
        public sealed record Town(string Name, string[] Roads, string[] Villages);

        // domain/nanhai-reference.md: the seven town-level units. Roads and villages are illustrative.
        public static readonly Town[] Towns =
        [
            new("桂城街道", ["南海大道北", "桂澜北路", "海八路", "南桂东路", "天佑三路", "灯湖东路", "南一路", "石龙南路"],
                ["夏北社区", "叠滘社区", "平东社区", "东二社区", "夏西社区", "三山社区"]),
            new("九江镇", ["儒林东路", "九江大道", "沙口路", "环镇路"], ["沙口村", "下西村", "南方村", "烟南村", "敦根村", "沙头村"]),
            new("西樵镇", ["樵高路", "西樵大道", "百西路", "樵园路"], ["简村", "民乐村", "太平村", "百西村", "上金瓯村", "崇南村"]),
            new("丹灶镇", ["丹灶大道", "金沙大道", "有为路", "桂丹路"], ["仙岗村", "石联村", "罗行社区", "西城村", "荷村", "劳边村"]),
            new("狮山镇", ["狮山大道", "罗村大道", "小塘新城路", "官窑大道", "松岗大道", "博爱路"], ["塘头村", "沙坑村", "罗洞村", "大涡村", "颜峰村", "彭西村"]),
            new("大沥镇", ["广佛路", "大沥大道", "黄岐北路", "盐步大道", "毅贤路"], ["河东村", "奇槎村", "钟边村", "雅瑶村", "沥东社区", "横江村"]),
            new("里水镇", ["里水大道", "和顺大道", "甘蕉大道", "海南洲路"], ["甘蕉村", "草场村", "沙涌村", "赤山村", "麻奢村", "大冲村"]),
        ];

        /// <summary>Percent of residents per town, in <see cref="Towns"/> order (桂城 and 狮山 are the most populous); sums to 100.</summary>
        public static readonly int[] TownShares = [25, 8, 9, 8, 20, 18, 12];

        public static readonly string[] Minorities = ["壮族", "瑶族", "苗族", "土家族", "回族", "满族", "畲族", "侗族", "彝族", "蒙古族"];
    }
}
