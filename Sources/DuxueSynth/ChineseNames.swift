import DuxueDomain

/// Word lists and patterns for plausible Chinese place, school and person names.
public enum ChineseNames {
    /// A number written in Chinese numerals (一, 十二, 一百零五); Arabic digits from 10 000 on.
    public static func numeral(_ n: Int) -> String {
        guard n > 0 else { return n == 0 ? "零" : "负" + numeral(-n) }
        guard n < 10_000 else { return String(n) }
        let digits = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"]
        if n < 10 { return digits[n] }
        if n < 20 { return "十" + (n % 10 == 0 ? "" : digits[n % 10]) }
        // Units by position: thousands, hundreds, tens, ones; a zero between non-zero digits is read once.
        let units = ["千", "百", "十", ""]
        let places = [n / 1000, n / 100 % 10, n / 10 % 10, n % 10]
        var text = ""
        var pendingZero = false
        for (digit, unit) in zip(places, units) {
            if digit == 0 {
                if !text.isEmpty { pendingZero = true }
                continue
            }
            if pendingZero { text += "零" }
            pendingZero = false
            text += digits[digit] + unit
        }
        return text
    }

    /// "第一", "第十二", …
    public static func ordinal(_ n: Int) -> String { "第" + numeral(n) }

    // MARK: Places

    /// Curated two-character town stems (城关 is the county seat and comes first).
    static let townStems = [
        "城关", "青山", "河口", "石桥", "白沙", "龙泉", "马坪", "桃源", "金竹", "黄土", "柳溪", "新田", "大坪",
        "三星", "双河", "高桥", "长岭", "杨柳", "清水", "凤凰", "太平", "永安", "安乐", "兴隆", "石门", "花桥",
        "枫林", "云峰", "梅溪", "松柏", "桂花", "东山", "西山", "南塘", "北岭", "古城", "新街", "龙潭", "白马",
        "龙门", "盘石", "铜锣", "狮子", "金鸡", "银河", "万寿", "福田", "长乐", "宝山", "玉泉", "红星", "团结",
        "光明", "草坪", "竹林", "沙坪", "石岭", "官庄", "茶园", "乐平",
    ]

    /// Curated two-character stems of urban subdistricts (街道).
    static let streetStems = [
        "东城", "西城", "南门", "北关", "解放", "人民", "建设", "和平", "胜利", "新华", "中山", "文化", "朝阳",
        "青年", "团结", "长江", "南湖", "东风", "滨江", "花园", "光明", "学府", "站前", "江南", "城北", "望江",
        "金桥", "龙华", "高新", "开元", "锦绣", "兴业", "明珠", "天河", "紫荆", "翠湖", "桂园", "沙河", "柳林",
        "仁和", "安宁", "东湖", "西湖", "北苑", "南苑", "新港", "湖滨", "雁塔", "曲江", "碑林",
    ]

    /// Characters combined into further place stems once the curated lists run out.
    static let stemFirst = Array("青白黄红金银石龙凤马牛羊桃李杨柳松竹梅兰新老大小上下东西南北高长双三万永安太")
    /// Second characters of generated place stems.
    static let stemSecond = Array("山河溪湖桥坪岭塘田林泉源洲冲坝铺庄岗寨口湾水城关堡峰")

    /// Village-name first parts (surnames and landscape words).
    static let villageFirst = Array("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗石龙桃柳枫竹松梅花金银白红新大小上下东西南北")
    /// Village-name second parts.
    static let villageSecond = ["家", "庄", "湾", "坪", "岭", "桥", "店", "河", "塘", "冲", "坝", "溪", "沟", "岗", "寨", "垭"]

    /// Road names for urban school names.
    static let roads = [
        "解放路", "人民路", "建设路", "和平路", "胜利路", "新华路", "中山路", "文化路", "朝阳路", "青年路", "五一路",
        "团结路", "长江路", "黄河路", "南湖路", "东风路", "育才路", "滨江路", "花园路", "光明路", "书院街", "府前街",
        "鼓楼街", "桂花巷", "西湖路", "北京路", "东大街", "西大街", "环城路", "体育路",
    ]

    /// Stems of county names.
    static let countyStems = [
        "青阳", "安远", "永宁", "长丰", "宁远", "兴安", "泰和", "平江", "临川", "德安", "清河", "宜丰", "南漳", "崇仁",
        "丰城", "石泉", "通山", "广丰", "靖安", "蓝山",
    ]

    /// Names of urban districts.
    static let urbanDistricts = ["城东区", "江北区", "城南区", "河西区", "高新区", "经开区", "湖滨区", "鼓楼区", "雨花区", "天心区"]

    /// Names for private kindergartens.
    static let kindergartenBrands = [
        "阳光", "蓝天", "小太阳", "育才", "童心", "金色童年", "贝贝", "苗苗", "启明星", "七色花", "小天使", "爱心",
        "博雅", "春蕾", "哈佛摇篮", "新蕾", "童乐", "快乐宝贝", "彩虹", "星星",
    ]

    // MARK: People

    /// Common surnames; the most frequent appear twice so they come up more often.
    static let surnames = Array(
        "王李张刘陈杨黄赵吴周王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
    )
    /// First characters of two-character given names.
    static let givenFirst = Array("建志海晓丽春红国文明玉秀永德小金立振俊嘉雪思宏云伟新晨子婷佳欣梦雨家天浩宇一若")
    /// Second characters of two-character given names.
    static let givenSecond = Array("华平军英芳明强伟燕红杰林峰涛辉敏静霞梅兰丽波斌亮鹏飞宇洁琳婷慧颖娜勇刚东生成")
    /// One-character given names.
    static let givenSingle = Array("伟芳娜敏静强磊军洋勇艳杰娟涛明超霞平刚辉玲华红英梅林峰鑫")

    /// A person's name: a surname and a one- or two-character given name.
    static func person(_ rng: inout SeededGenerator) -> String {
        let surname = String(rng.pick(surnames))
        if rng.chance(0.3) { return surname + String(rng.pick(givenSingle)) }
        return surname + String(rng.pick(givenFirst)) + String(rng.pick(givenSecond))
    }

    /// A village name such as 李家村 or 石岭村.
    static func village(_ rng: inout SeededGenerator) -> String {
        String(rng.pick(villageFirst)) + rng.pick(villageSecond) + "村"
    }

    /// `count` distinct place stems: the curated ones first (in random order after the first), then generated.
    static func placeStems(count: Int, urban: Bool, rng: inout SeededGenerator) -> [String] {
        let curated = urban ? streetStems : townStems
        var tail = Array(curated.dropFirst())
        rng.shuffle(&tail)
        var stems = Array(([curated[0]] + tail).prefix(count))
        var used = Set(stems)
        var attempts = 0
        while stems.count < count {
            attempts += 1
            var stem = String(rng.pick(stemFirst)) + String(rng.pick(stemSecond))
            if attempts > 20 * count { stem += ChineseNames.numeral(stems.count) }  // lists exhausted
            if used.insert(stem).inserted { stems.append(stem) }
        }
        return stems
    }
}
