//! Wording of the plan: area names and the phrases task contents, targets and products are
//! assembled from.

pub const AREAS: [&str; 7] = [
    "Cải cách thể chế",
    "Cải cách thủ tục hành chính",
    "Cải cách tổ chức bộ máy hành chính nhà nước",
    "Cải cách chế độ công vụ",
    "Cải cách tài chính công",
    "Xây dựng và phát triển Chính quyền điện tử, Chính quyền số",
    "Công tác chỉ đạo, điều hành và thông tin, tuyên truyền cải cách hành chính",
];

pub const TOPICS: [&[&str]; 7] = [
    &[
        "công tác xây dựng, thẩm định và ban hành văn bản quy phạm pháp luật",
        "công tác kiểm tra, xử lý và rà soát, hệ thống hóa văn bản quy phạm pháp luật",
        "công tác theo dõi tình hình thi hành pháp luật",
        "công tác phổ biến, giáo dục pháp luật và hòa giải ở cơ sở",
        "việc xây dựng, đánh giá xã, phường, thị trấn đạt chuẩn tiếp cận pháp luật",
        "việc công bố danh mục văn bản quy phạm pháp luật hết hiệu lực, ngưng hiệu lực",
        "công tác trợ giúp pháp lý cho người dân",
    ],
    &[
        "công tác kiểm soát thủ tục hành chính",
        "việc rà soát, đánh giá, đơn giản hóa thủ tục hành chính và giấy tờ công dân",
        "việc thực hiện cơ chế một cửa, một cửa liên thông trong giải quyết thủ tục hành chính",
        "việc cung cấp dịch vụ công trực tuyến toàn trình trên Cổng Dịch vụ công quốc gia",
        "việc số hóa hồ sơ, kết quả giải quyết thủ tục hành chính",
        "công tác tiếp nhận, xử lý phản ánh, kiến nghị của người dân, doanh nghiệp",
        "việc thanh toán trực tuyến phí, lệ phí trong giải quyết thủ tục hành chính",
        "việc đánh giá chất lượng giải quyết thủ tục hành chính theo Bộ chỉ số phục vụ người dân, doanh nghiệp",
        "việc công khai, minh bạch thông tin về thủ tục hành chính tại Bộ phận Một cửa",
    ],
    &[
        "việc rà soát, sắp xếp tổ chức bộ máy theo hướng tinh gọn, hoạt động hiệu lực, hiệu quả",
        "công tác quản lý biên chế và thực hiện tinh giản biên chế",
        "việc sắp xếp đơn vị hành chính cấp huyện, cấp xã giai đoạn 2023 - 2025",
        "việc thực hiện phân cấp, ủy quyền trong quản lý nhà nước",
        "việc xây dựng, điều chỉnh vị trí việc làm và cơ cấu ngạch công chức, chức danh nghề nghiệp viên chức",
        "việc kiện toàn chức năng, nhiệm vụ, quyền hạn của các cơ quan chuyên môn",
    ],
    &[
        "công tác đào tạo, bồi dưỡng cán bộ, công chức, viên chức",
        "việc chuyển đổi vị trí công tác đối với công chức, viên chức theo quy định",
        "công tác kiểm tra việc chấp hành kỷ luật, kỷ cương hành chính",
        "việc đánh giá, xếp loại chất lượng cán bộ, công chức, viên chức",
        "công tác tuyển dụng, sử dụng và quản lý công chức, viên chức",
        "việc thực hiện văn hóa công vụ và quy tắc ứng xử của cán bộ, công chức, viên chức",
    ],
    &[
        "việc thực hiện cơ chế tự chủ tài chính của các đơn vị sự nghiệp công lập",
        "công tác quản lý, sử dụng tài sản công",
        "việc công khai dự toán, quyết toán ngân sách nhà nước",
        "công tác giải ngân vốn đầu tư công",
        "việc thực hành tiết kiệm, chống lãng phí trong sử dụng ngân sách",
    ],
    &[
        "công tác chuyển đổi số",
        "việc sử dụng chữ ký số trong gửi, nhận văn bản điện tử",
        "việc khai thác, sử dụng Hệ thống quản lý văn bản và điều hành",
        "việc kết nối, chia sẻ dữ liệu với Cơ sở dữ liệu quốc gia về dân cư",
        "việc triển khai Đề án phát triển ứng dụng dữ liệu về dân cư, định danh và xác thực điện tử (Đề án 06)",
        "công tác bảo đảm an toàn, an ninh thông tin mạng",
    ],
    &[
        "công tác thông tin, tuyên truyền cải cách hành chính",
        "công tác kiểm tra cải cách hành chính",
        "việc xác định Chỉ số cải cách hành chính (PAR INDEX)",
        "việc khảo sát, đánh giá mức độ hài lòng của người dân, tổ chức (SIPAS)",
        "việc nhân rộng các sáng kiến, mô hình cải cách hành chính",
        "công tác thi đua, khen thưởng trong thực hiện cải cách hành chính",
    ],
];

pub const OPENINGS: [&str; 7] = [
    "Tiếp tục triển khai có hiệu quả",
    "Tăng cường",
    "Đẩy mạnh",
    "Nâng cao chất lượng",
    "Tổ chức thực hiện nghiêm túc",
    "Chỉ đạo, hướng dẫn và kiểm tra",
    "Thực hiện đồng bộ các giải pháp nâng cao hiệu quả",
];

pub const SCOPES: [&str; 5] = [
    "trên địa bàn tỉnh",
    "tại các cơ quan, đơn vị và UBND các xã, phường, thị trấn",
    "trong các cơ quan hành chính nhà nước các cấp",
    "ở cả ba cấp tỉnh, huyện, xã",
    "tại các cơ quan, đơn vị, địa phương",
];

pub const LEGAL_COMMON: [&str; 2] = [
    "Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ ban hành Chương trình tổng thể cải cách hành chính nhà nước giai đoạn 2021 - 2030",
    "Quyết định số 1879/QĐ-UBND ngày 15/12/2023 của UBND tỉnh ban hành Kế hoạch cải cách hành chính nhà nước năm 2024",
];

pub const LEGAL: [&[&str]; 7] = [
    &[
        "Luật Ban hành văn bản quy phạm pháp luật năm 2015 (được sửa đổi, bổ sung năm 2020)",
        "Chỉ thị số 05/CT-UBND ngày 24/3/2022 của Chủ tịch UBND tỉnh",
    ],
    &[
        "Nghị định số 61/2018/NĐ-CP ngày 23/4/2018 và Nghị định số 107/2021/NĐ-CP ngày 06/12/2021 của Chính phủ về thực hiện cơ chế một cửa, một cửa liên thông",
        "Quyết định số 766/QĐ-TTg ngày 23/6/2022 của Thủ tướng Chính phủ phê duyệt Bộ chỉ số chỉ đạo, điều hành và đánh giá chất lượng phục vụ người dân, doanh nghiệp",
    ],
    &[
        "Nghị quyết số 18-NQ/TW ngày 25/10/2017 của Ban Chấp hành Trung ương",
        "Nghị quyết số 35/2023/UBTVQH15 ngày 12/7/2023 của Ủy ban Thường vụ Quốc hội",
    ],
    &[
        "Nghị định số 138/2020/NĐ-CP ngày 27/11/2020 của Chính phủ quy định về tuyển dụng, sử dụng và quản lý công chức",
        "Nghị định số 59/2019/NĐ-CP ngày 01/7/2019 của Chính phủ",
    ],
    &[
        "Nghị định số 60/2021/NĐ-CP ngày 21/6/2021 của Chính phủ quy định cơ chế tự chủ tài chính của đơn vị sự nghiệp công lập",
        "Luật Quản lý, sử dụng tài sản công năm 2017",
    ],
    &[
        "Quyết định số 06/QĐ-TTg ngày 06/01/2022 của Thủ tướng Chính phủ phê duyệt Đề án 06",
        "Nghị định số 30/2020/NĐ-CP ngày 05/3/2020 của Chính phủ về công tác văn thư",
    ],
    &[
        "Quyết định số 876/QĐ-BNV ngày 10/11/2022 của Bộ trưởng Bộ Nội vụ",
        "Kế hoạch tuyên truyền cải cách hành chính giai đoạn 2021 - 2025 của UBND tỉnh",
    ],
];

pub const PURPOSES: [&str; 6] = [
    "nhằm nâng cao chất lượng phục vụ người dân, doanh nghiệp",
    "bảo đảm công khai, minh bạch và đúng quy định của pháp luật",
    "góp phần nâng cao Chỉ số cải cách hành chính (PAR INDEX) và Chỉ số hài lòng (SIPAS) của tỉnh",
    "tạo môi trường đầu tư, kinh doanh thuận lợi, bình đẳng",
    "xây dựng nền hành chính dân chủ, chuyên nghiệp, hiện đại, phục vụ nhân dân",
    "nâng cao hiệu lực, hiệu quả quản lý nhà nước",
];

pub const TARGETS: [&[&str]; 7] = [
    &[
        "Phấn đấu 100% văn bản quy phạm pháp luật được ban hành đúng thẩm quyền, trình tự, thủ tục",
        "100% văn bản trái pháp luật, có sai sót phát hiện qua kiểm tra được xử lý kịp thời",
    ],
    &[
        "Phấn đấu tỷ lệ hồ sơ giải quyết đúng hạn đạt trên 98%",
        "Tối thiểu 80% hồ sơ thủ tục hành chính được số hóa khi tiếp nhận và 100% kết quả giải quyết được số hóa",
        "Tỷ lệ hồ sơ trực tuyến toàn trình đạt tối thiểu 50% tổng số hồ sơ tiếp nhận",
    ],
    &[
        "Hoàn thành việc sắp xếp, kiện toàn tổ chức bộ máy đúng lộ trình",
        "Bảo đảm tinh giản biên chế theo đúng chỉ tiêu được giao",
    ],
    &[
        "100% cán bộ, công chức, viên chức được đánh giá, xếp loại đúng quy định",
        "Hoàn thành chỉ tiêu đào tạo, bồi dưỡng được giao trong năm",
    ],
    &[
        "100% đơn vị sự nghiệp công lập xây dựng phương án tự chủ tài chính",
        "Tỷ lệ giải ngân vốn đầu tư công đạt trên 95% kế hoạch",
    ],
    &[
        "100% văn bản đi được ký số và gửi, nhận dưới dạng điện tử, trừ văn bản mật",
        "Tỷ lệ hồ sơ công việc được xử lý trên môi trường mạng đạt trên 90%",
    ],
    &[
        "Phấn đấu Chỉ số cải cách hành chính của tỉnh tăng so với năm trước",
        "100% cơ quan, đơn vị, địa phương được kiểm tra công tác cải cách hành chính ít nhất một lần trong năm",
    ],
];

pub const PRODUCTS: [&[&str]; 7] = [
    &[
        "Văn bản quy phạm pháp luật được ban hành đúng quy định; báo cáo kết quả thực hiện.",
        "Kế hoạch, báo cáo kết quả kiểm tra, rà soát; quyết định công bố danh mục văn bản.",
    ],
    &[
        "Quyết định công bố danh mục thủ tục hành chính; báo cáo kết quả rà soát, đơn giản hóa.",
        "Báo cáo kết quả giải quyết thủ tục hành chính định kỳ hằng quý.",
        "Quy trình nội bộ, quy trình điện tử được cập nhật trên Hệ thống thông tin giải quyết TTHC.",
    ],
    &[
        "Quyết định quy định chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức; đề án vị trí việc làm.",
        "Báo cáo kết quả sắp xếp tổ chức bộ máy, tinh giản biên chế.",
    ],
    &[
        "Kế hoạch đào tạo, bồi dưỡng; báo cáo kết quả thực hiện.",
        "Kế hoạch và thông báo kết quả kiểm tra kỷ luật, kỷ cương hành chính.",
    ],
    &[
        "Phương án tự chủ tài chính được phê duyệt; báo cáo công khai ngân sách.",
        "Báo cáo tình hình giải ngân vốn đầu tư công định kỳ.",
    ],
    &[
        "Kế hoạch chuyển đổi số năm; báo cáo kết quả thực hiện các chỉ tiêu chuyển đổi số.",
        "Văn bản điện tử được ký số, gửi nhận trên Hệ thống quản lý văn bản và điều hành.",
    ],
    &[
        "Kế hoạch tuyên truyền, kế hoạch kiểm tra cải cách hành chính; báo cáo kết quả.",
        "Báo cáo tự đánh giá, chấm điểm Chỉ số cải cách hành chính kèm tài liệu kiểm chứng.",
    ],
];
